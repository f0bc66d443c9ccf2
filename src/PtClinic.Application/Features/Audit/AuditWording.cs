using System.Text;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Features.Audit;

/// <summary>An audit row's use case and roles in words a clinic manager reads.</summary>
public static class AuditWording
{
    public const string SystemActor = "PtClinic (system)";
    public const string UnknownActor = "(no staff record)";

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["GetPatientQuery"] = "Opened the patient's details",
        ["GetPatientChartQuery"] = "Opened the chart",
        ["ListPatientEpisodesQuery"] = "Listed the episodes",
        ["GetEpisodeQuery"] = "Opened an episode",
        ["GetEpisodeProgressQuery"] = "Opened an episode's progress",
        ["GetVisitNoteQuery"] = "Opened a visit note",
        ["GetVisitAssessmentQuery"] = "Opened a visit's assessment",
        ["GetVisitTreatmentQuery"] = "Opened a visit's treatment",
        ["GetDryNeedlingSafetyQuery"] = "Checked whether dry needling is safe",
        ["GetPatientAuditHistoryQuery"] = "Looked at this audit history",
        ["SignVisitNoteCommand"] = "Signed a visit note",
        ["SaveNoteDraftCommand"] = "Saved a note draft",
        ["AddNoteAddendumCommand"] = "Added an addendum",
        ["RegisterPatientCommand"] = "Registered the patient",
        ["EditPatientCommand"] = "Edited the patient's details",
    };

    /// <summary>"SignVisitNoteCommand" reads "Signed a visit note"; one not listed reads "Cancel visit".</summary>
    public static string Describe(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (Known.TryGetValue(operation, out var known))
        {
            return known;
        }

        var name = operation.EndsWith("Command", StringComparison.Ordinal) ? operation[..^"Command".Length]
            : operation.EndsWith("Query", StringComparison.Ordinal) ? operation[..^"Query".Length]
            : operation;
        var words = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    public static string Roles(string roles) =>
        string.Join(", ", roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(StaffRoles.DisplayName));
}
