using PtClinic.Domain.Common;
using PtClinic.Domain.Outcomes;

namespace PtClinic.Web.Components.Outcomes;

/// <summary>
/// The questionnaire while the therapist fills it in: blanks allowed, scored by the domain on every
/// change so the dialog can show the score as soon as the answers are complete.
/// </summary>
public sealed class OutcomeQuestionnaireDraft
{
    private readonly List<int?> _ratings;
    private readonly List<string> _activityNames;

    private OutcomeQuestionnaireDraft(OutcomeMeasure measure, List<int?> ratings, List<string> activityNames)
    {
        Measure = measure;
        _ratings = ratings;
        _activityNames = activityNames;
        Evaluate();
    }

    public OutcomeMeasure Measure { get; }

    public IReadOnlyList<int?> Ratings => _ratings;

    /// <summary>PSFS only; empty for the other measures.</summary>
    public IReadOnlyList<string> ActivityNames => _activityNames;

    public int Answered => _ratings.Count(r => r.HasValue);

    /// <summary>The domain's score once the answers are complete; null until then.</summary>
    public OutcomeResponse? Response { get; private set; }

    /// <summary>Why the domain will not score the answers yet, in its own words; null once it does.</summary>
    public string? Problem { get; private set; }

    public bool CanAddActivity => Measure == OutcomeMeasure.Psfs && _ratings.Count < PsfsResponse.MaxActivities;

    public bool CanRemoveActivity => Measure == OutcomeMeasure.Psfs && _ratings.Count > PsfsResponse.MinActivities;

    /// <summary>
    /// A blank questionnaire, or the previous answers when re-recording. For PSFS the previous
    /// activities come with their names, so the patient re-rates the same activities.
    /// A previous answer for another measure is ignored rather than shown in the wrong questionnaire.
    /// </summary>
    public static OutcomeQuestionnaireDraft Start(OutcomeMeasure measure, OutcomeAnswers? previous)
    {
        var prefill = previous is not null && previous.Measure == measure ? previous : null;
        if (measure == OutcomeMeasure.Psfs)
        {
            var count = Math.Clamp(prefill?.Ratings.Count ?? 0, PsfsResponse.MinActivities, PsfsResponse.MaxActivities);
            var names = Enumerable.Range(0, count).Select(i => prefill?.ActivityNames.ElementAtOrDefault(i) ?? "").ToList();
            var ratings = Enumerable.Range(0, count).Select(i => prefill?.Ratings.ElementAtOrDefault(i)).ToList();
            return new OutcomeQuestionnaireDraft(measure, ratings, names);
        }

        var itemCount = ItemCount(measure);
        return new OutcomeQuestionnaireDraft(
            measure,
            [.. Enumerable.Range(0, itemCount).Select(i => prefill?.Ratings.ElementAtOrDefault(i))],
            []);
    }

    public static int ItemCount(OutcomeMeasure measure) => measure switch
    {
        OutcomeMeasure.Nprs => 1,
        OutcomeMeasure.Lefs => LefsResponse.ItemCount,
        OutcomeMeasure.Odi => OdiResponse.SectionCount,
        OutcomeMeasure.Psfs => PsfsResponse.MinActivities,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a scored outcome measure."),
    };

    public void Rate(int index, int? rating)
    {
        _ratings[index] = rating;
        Evaluate();
    }

    public void NameActivity(int index, string? name)
    {
        _activityNames[index] = name ?? "";
        Evaluate();
    }

    public void AddActivity()
    {
        if (!CanAddActivity)
        {
            return;
        }

        _ratings.Add(null);
        _activityNames.Add("");
        Evaluate();
    }

    public void RemoveActivity(int index)
    {
        if (!CanRemoveActivity)
        {
            return;
        }

        _ratings.RemoveAt(index);
        _activityNames.RemoveAt(index);
        Evaluate();
    }

    /// <summary>The answers to save; activity names trimmed as the domain will store them.</summary>
    public OutcomeAnswers ToAnswers() =>
        new(Measure, [.. _ratings], [.. _activityNames.Select(n => n.Trim())]);

    private void Evaluate()
    {
        try
        {
            var answers = ToAnswers();
            Response = OutcomeScoring.Score(answers.Measure, answers.Ratings, answers.ActivityNames);
            Problem = null;
        }
        catch (DomainException refused)
        {
            Response = null;
            Problem = refused.Message;
        }
    }
}
