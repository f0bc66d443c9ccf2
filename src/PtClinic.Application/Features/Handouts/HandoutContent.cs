using PtClinic.Domain.Clinics;

namespace PtClinic.Application.Features.Handouts;

/// <summary>
/// Everything a home exercise program handout prints, as plain values: the snapshot an issued
/// version keeps (so it can be printed again exactly as the patient got it) and what the renderer
/// draws. Text here is printed as text, whatever it contains; nothing in it is interpreted.
/// </summary>
/// <param name="Goals">"Your goals", in the patient's words from the plan.</param>
/// <param name="LargePrint">Body text at 14 pt or more, for patients who need it.</param>
public sealed record HandoutContent(
    HandoutClinic Clinic,
    HandoutPatient Patient,
    string TherapistName,
    DateOnly IssuedOn,
    int Version,
    IReadOnlyList<string> Goals,
    IReadOnlyList<HandoutItem> Items,
    HandoutSafety Safety,
    PaperSize Paper,
    bool LargePrint);

public sealed record HandoutClinic(string Name, string? Address, string? Phone, HandoutImage? Logo);

public sealed record HandoutPatient(string Name, DateOnly DateOfBirth);

/// <summary>One block of the handout: never split across pages.</summary>
/// <param name="Dose">In plain words: "3 sets of 10, twice a day, 5 days a week".</param>
/// <param name="Steps">What to do, one step a line.</param>
/// <param name="Note">What the therapist typed for this patient, if anything.</param>
public sealed record HandoutItem(
    string Code,
    string Name,
    string Dose,
    IReadOnlyList<string> Steps,
    string? Precautions,
    string? Note,
    HandoutImage? Illustration);

/// <param name="Warnings">"Stop and call the clinic if ...", "See a doctor if ...".</param>
/// <param name="RedFlagSymptoms">The symptoms to act on at once, in plain words.</param>
public sealed record HandoutSafety(IReadOnlyList<string> Warnings, IReadOnlyList<string> RedFlagSymptoms);

/// <summary>An illustration or logo: PNG, JPEG or SVG bytes, already checked by content.</summary>
/// <param name="Hash">Identifies the bytes (a SHA-256 in hex), so a renderer can keep what it parsed.</param>
public sealed record HandoutImage(string Hash, string MediaType, byte[] Data);

/// <summary>Draws handouts as PDF.</summary>
public interface IHandoutRenderer
{
    /// <summary>One handout: its pages numbered "Page N of M".</summary>
    byte[] Render(HandoutContent content);

    /// <summary>Several handouts in one PDF to print at once; each starts on a new page and is numbered on its own.</summary>
    byte[] RenderAll(IReadOnlyList<HandoutContent> contents);
}
