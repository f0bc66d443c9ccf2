using System.Security.Cryptography;
using PtClinic.Domain.Common;
using PtClinic.Domain.Plans;

namespace PtClinic.Domain.Handouts;

/// <summary>
/// A home exercise program handout as it was given to the patient (FHIR DocumentReference): the
/// content it printed and the PDF itself, numbered per episode. Issued from a signed plan of care;
/// never changed afterwards (the database refuses it), so it can always be printed again exactly
/// as the patient got it. Revising the plan and issuing again makes the next version.
/// </summary>
public sealed class HandoutVersion : ITenantOwned
{
    /// <summary>A handout's PDF is about 30 KB; a clinic logo can add up to 2 MB. Anything larger is a fault.</summary>
    public const int MaxPdfBytes = 8 * 1024 * 1024;

    private HandoutVersion()
    {
        Snapshot = string.Empty;
        Pdf = [];
        PdfSha256 = string.Empty;
        IssuedBy = default!;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid EpisodeId { get; private set; }

    /// <summary>The signed plan version whose home program it prints.</summary>
    public Guid PlanId { get; private set; }

    /// <summary>1, 2, ... per episode: what the episode says the patient holds.</summary>
    public int Number { get; private set; }

    /// <summary>Body text at 14 pt or more.</summary>
    public bool LargePrint { get; private set; }

    /// <summary>How many home-program items it prints.</summary>
    public int ItemCount { get; private set; }

    /// <summary>What was printed, as JSON: enough to draw it again.</summary>
    public string Snapshot { get; private set; }

    public byte[] Pdf { get; private set; }

    /// <summary>Hex SHA-256 of <see cref="Pdf"/>, so a printed copy can be matched to its version.</summary>
    public string PdfSha256 { get; private set; }

    public StaffRef IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <param name="number">The episode's next version number.</param>
    public static HandoutVersion Issue(
        PlanOfCare plan, int number, bool largePrint, int itemCount, string snapshot, byte[] pdf, StaffRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(by);
        if (!plan.IsSigned)
        {
            throw new DomainException("A handout is printed from a signed plan of care.");
        }

        if (number < 1)
        {
            throw new DomainException("A handout's version number starts at 1.");
        }

        if (itemCount < 1)
        {
            throw new DomainException("A handout prints at least one home-program item.");
        }

        if (string.IsNullOrWhiteSpace(snapshot))
        {
            throw new DomainException("A handout keeps what it printed.");
        }

        if (pdf.Length == 0 || pdf.Length > MaxPdfBytes)
        {
            throw new DomainException("A handout's PDF is missing or too large to keep.");
        }

        return new HandoutVersion
        {
            Id = Guid.CreateVersion7(at),
            ClinicId = plan.ClinicId,
            PatientId = plan.PatientId,
            EpisodeId = plan.EpisodeId,
            PlanId = plan.Id,
            Number = number,
            LargePrint = largePrint,
            ItemCount = itemCount,
            Snapshot = snapshot,
            Pdf = pdf,
            PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            IssuedBy = by,
            IssuedAt = at,
        };
    }

    /// <summary>"home-program-ellen-marsh-v2.pdf": what the browser saves it as.</summary>
    public static string FileName(string patientName, int number)
    {
        var slug = new string([.. (patientName ?? string.Empty).ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"home-program-{(slug.Length == 0 ? "patient" : slug)}-v{number}.pdf";
    }
}
