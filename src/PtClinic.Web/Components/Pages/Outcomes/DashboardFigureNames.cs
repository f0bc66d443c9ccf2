using PtClinic.Application.Features.Dashboard;

namespace PtClinic.Web.Components.Pages.Outcomes;

/// <summary>What each figure's drill-down page is called: the episodes it lists, in a manager's words.</summary>
public static class DashboardFigureNames
{
    public static string Describe(DashboardFigure figure) => figure switch
    {
        DashboardFigure.Episodes => "Episodes in the range",
        DashboardFigure.Opened => "Episodes opened",
        DashboardFigure.Active => "Episodes still running",
        DashboardFigure.Discharged => "Episodes discharged",
        DashboardFigure.DischargedGoalsMet => "Discharged: goals met",
        DashboardFigure.DischargedPlateauOrReferredOn => "Discharged: plateau or referred on",
        DashboardFigure.DischargedStoppedAttending => "Discharged: patient stopped attending",
        DashboardFigure.DischargedOther => "Discharged: other reason",
        DashboardFigure.NoDischargeOutcome => "Discharged with no discharge outcome recorded",
        DashboardFigure.NprsScored => "Episodes with an NPRS baseline and a later score",
        DashboardFigure.NprsReachedMcid => "Episodes reaching the NPRS MCID",
        DashboardFigure.LefsScored => "Episodes with a LEFS baseline and a later score",
        DashboardFigure.LefsReachedMcid => "Episodes reaching the LEFS MCID",
        DashboardFigure.PsfsScored => "Episodes with a PSFS baseline and a later score",
        DashboardFigure.PsfsReachedMcid => "Episodes reaching the PSFS MCID",
        DashboardFigure.OdiScored => "Episodes with an ODI baseline and a later score",
        DashboardFigure.OdiReachedMcid => "Episodes reaching the ODI MCID",
        DashboardFigure.KnotSitesResolved => "Episodes with a knot that resolved",
        DashboardFigure.KnotSitesRecurred => "Episodes with a knot back within 90 days",
        DashboardFigure.DryNeedling => "Episodes with dry needling",
        DashboardFigure.DryNeedlingAdverseEvents => "Episodes with a dry-needling adverse event",
        DashboardFigure.NoShows => "Episodes with a no-show",
        DashboardFigure.Cancellations => "Episodes with a cancelled visit",
        DashboardFigure.ProgressNoteOverdue => "Episodes with a progress note overdue",
        DashboardFigure.RecertificationOverdue => "Episodes with a plan re-certification overdue",
        _ => figure.ToString(),
    };
}
