using System.Security.Claims;
using PtClinic.Application.Features.Administration;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Patients;
using PtClinic.Application.Features.Treatment;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Staff;
using PtClinic.Domain.Treatment;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Treatment;

/// <summary>
/// A test clinic where dry needling can be given: the patient's consent is on file, the therapist's
/// credential is current, and a visit is checked in with two knots charted.
/// </summary>
internal static class TreatmentClinic
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static readonly KnotInput TenderKnot = new(7, 2.5m, 12, IsActive: true, LocalTwitchResponse: true, [ReferredPainArea.LowerLeg]);

    public static async Task<ClaimsPrincipal> AdminAsync(this TestClinic clinic) => await clinic.AddStaffAsync("Sam Okafor", StaffRoles.Admin);

    public static async Task ConsentToDryNeedlingAsync(this TestClinic clinic, AppFixture app) =>
        (await app.SendAsync(clinic.Therapist, new RecordConsentCommand(clinic.PatientId, ConsentKind.DryNeedling, Today, true, true, "Risks explained"))).Ok();

    public static async Task CredentialAsync(this TestClinic clinic, AppFixture app, ClaimsPrincipal admin, DateOnly expiresOn) =>
        (await app.SendAsync(admin, new AddStaffCredentialCommand(
            TestClinic.IdOf(clinic.Therapist), CredentialKind.DryNeedlingCertification, "AACP", "DN-1", expiresOn.AddYears(-2), expiresOn))).Ok();

    /// <summary>A checked-in visit with a knot in the left biceps femoris and one in the semitendinosus.</summary>
    public static async Task<(Guid VisitId, Guid FirstKnot, Guid SecondKnot)> VisitWithKnotsAsync(this TestClinic clinic, AppFixture app)
    {
        var (_, visitId) = await clinic.CheckedInVisitAsync();
        var first = (await app.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, null, "biceps-femoris-long-head", BodySide.Left, MuscleZone.MiddleThird, TenderKnot))).Ok();
        var second = (await app.SendAsync(clinic.Therapist, new AddKnotFindingCommand(
            visitId, first.Saved.Version, "semitendinosus", BodySide.Left, MuscleZone.DistalThird, TenderKnot))).Ok();
        return (visitId, first.KnotId, second.KnotId);
    }

    /// <summary>Consent on file, a current credential and a visit with knots: dry needling may be given.</summary>
    public static async Task<(Guid VisitId, Guid FirstKnot, Guid SecondKnot)> EligibleAsync(this TestClinic clinic, AppFixture app)
    {
        await clinic.ConsentToDryNeedlingAsync(app);
        await clinic.CredentialAsync(app, await clinic.AdminAsync(), Today.AddYears(1));
        return await clinic.VisitWithKnotsAsync(app);
    }

    public static RecordDryNeedlingCommand Needling(Guid visitId, params Guid[] knots) => new(
        visitId, [.. knots.Select(k => new NeedledKnot(k, LocalTwitchResponse: true))], knots.Length, 0.25m, 40, "LOT-2611-A", DryNeedlingTechnique.Pistoning,
        "Pain eased from 6 to 3; SLR +10°", [new AdverseEventInput(AdverseEventKind.Bruising, AdverseEventSeverity.Minor, null, "Pressure for 2 minutes")], null);
}

/// <summary>The treatment givens of the security scenarios: made by the roles that may make them.</summary>
internal static class TreatmentScenarios
{
    /// <summary>A visit where the scenario therapist may needle: consent on file, a current credential, a knot charted.</summary>
    public static async Task<(Guid VisitId, Guid KnotId)> EligibleForNeedlingAsync(this Security.ScenarioClinic s)
    {
        (await s.App.SendAsync(s.Therapist, new RecordConsentCommand(s.PatientId, ConsentKind.DryNeedling, TreatmentClinic.Today, true, true, "Risks explained"))).Ok();
        (await s.App.SendAsync(s.Admin, new AddStaffCredentialCommand(
            TestClinic.IdOf(s.Therapist), CredentialKind.DryNeedlingCertification, "AACP", "DN-1", TreatmentClinic.Today.AddYears(-1), TreatmentClinic.Today.AddYears(1)))).Ok();
        var (visitId, knotId, _) = await s.KnotAsync();
        return (visitId, knotId);
    }

    public static async Task<(Guid VisitId, Guid InterventionId)> PerformedAsync(this Security.ScenarioClinic s, string? notes = null)
    {
        var visitId = await s.CheckedInVisitAsync();
        var performed = (await s.App.SendAsync(s.Therapist, new RecordPerformedInterventionCommand(visitId, InterventionCatalog.GluteBridge, 20, notes, null))).Ok();
        return (visitId, performed.InterventionId);
    }

    public static async Task<Guid> NeedledAsync(this Security.ScenarioClinic s)
    {
        var (visitId, knotId) = await s.EligibleForNeedlingAsync();
        (await s.App.SendAsync(s.Therapist, TreatmentClinic.Needling(visitId, knotId))).Ok();
        return visitId;
    }
}
