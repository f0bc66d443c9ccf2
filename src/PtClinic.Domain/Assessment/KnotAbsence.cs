using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Common;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;

namespace PtClinic.Domain.Assessment;

/// <summary>
/// A tracked site palpated at a visit and not found: the knot is absent, which is what resolves it.
/// A site with neither a finding nor an absence at a visit was not assessed there. Part of the
/// visit's assessment, frozen with it.
/// </summary>
public sealed class KnotAbsence : ITenantOwned
{
    private KnotAbsence()
    {
        MuscleCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Guid PatientId { get; private set; }

    public DateTimeOffset VisitStartsAt { get; private set; }

    public string MuscleCode { get; private set; }

    public BodySide Side { get; private set; }

    public MuscleZone Zone { get; private set; }

    public KnotSiteKey Site => new(MuscleCode, Side, Zone);

    internal static KnotAbsence Record(VisitAssessment assessment, KnotSiteKey site, DateTimeOffset at)
    {
        KnotFinding.EnsureSite(site.MuscleCode, site.Side, site.Zone);
        return new KnotAbsence
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = assessment.ClinicId,
            AssessmentId = assessment.Id,
            PatientId = assessment.PatientId,
            VisitStartsAt = assessment.VisitStartsAt,
            MuscleCode = site.MuscleCode,
            Side = site.Side,
            Zone = site.Zone,
        };
    }
}
