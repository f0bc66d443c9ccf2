using PtClinic.Domain.Outcomes;

namespace PtClinic.Web.Components.Outcomes;

/// <summary>
/// One questionnaire as the patient answered it, before the domain scores it.
/// Ratings in questionnaire order: NPRS one rating; LEFS 20; ODI 10 (null = section not answered); PSFS one per activity.
/// ActivityNames only for PSFS (same length as Ratings), empty otherwise.
/// </summary>
public sealed record OutcomeAnswers(OutcomeMeasure Measure, IReadOnlyList<int?> Ratings, IReadOnlyList<string> ActivityNames);
