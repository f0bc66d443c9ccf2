namespace PtClinic.Domain.Knots;

/// <summary>
/// A tracked site as its signed history leaves it: the state after the latest assessment, the
/// flags, and the counts a therapist asks about ("how long has it been there", "how often has it
/// come back"). Derived, never entered: the same history always gives the same track.
/// </summary>
/// <param name="Assessments">Signed visits that said present or absent (gaps not counted).</param>
/// <param name="PresentInARow">Present at this many assessments in a row up to the latest; 0 when resolved.</param>
/// <param name="PresentSince">First day of the current run of presence; null when resolved.</param>
/// <param name="DaysPresent">Days from the start of the current (or, when resolved, the last) run to its latest presence.</param>
/// <param name="DaysToLastRecurrence">Days between the last resolution and the visit it came back at.</param>
/// <param name="TrendChange">Tenderness change over the trend window of the current run; 0 when resolved or new.</param>
public sealed record KnotTrack(
    KnotSiteKey Site,
    KnotState State,
    KnotFlags Flags,
    int Assessments,
    int RecurrenceCount,
    int PresentInARow,
    DateOnly FirstSeenOn,
    DateOnly LastAssessedOn,
    DateOnly? PresentSince,
    DateOnly? LastResolvedOn,
    int DaysPresent,
    int? DaysToLastRecurrence,
    int? LatestTenderness,
    int TrendChange)
{
    public bool IsFlagged => Flags != KnotFlags.None;

    public bool IsPresent => State != KnotState.Resolved;

    public IReadOnlyList<KnotEscalation> Escalations => KnotRules.EscalationsFor(Flags);

    /// <summary>Days since it last resolved, on the given day; null if it never did.</summary>
    public int? DaysSinceLastResolution(DateOnly asOf) => LastResolvedOn is { } resolved ? asOf.DayNumber - resolved.DayNumber : null;
}

/// <summary>Reads a site's signed history, oldest first, into its <see cref="KnotTrack"/>.</summary>
public static class KnotHistory
{
    /// <summary>
    /// The track of one site, or null when the history never found a knot there (absences before
    /// the first finding say nothing: the site was not tracked yet). Observations of other sites are
    /// a programming error, not data.
    /// </summary>
    public static KnotTrack? Evaluate(KnotSiteKey site, IEnumerable<KnotObservation> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ordered = history.OrderBy(o => o.VisitStartsAt).ThenBy(o => o.AssessmentId)
            .SkipWhile(o => !o.IsPresent).ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        var window = new Queue<int>(KnotRules.TrendWindow);
        var state = KnotState.New;
        int recurrences = 0, presentInARow = 0, daysPresent = 0;
        int? daysToLastRecurrence = null;
        var currentRunIsRecurrence = false;
        DateOnly runStart = ordered[0].VisitedOn, lastPresentOn = runStart;
        DateOnly? lastResolvedOn = null;
        KnotObservation? previous = null;

        foreach (var observation in ordered)
        {
            if (observation.IsPresent)
            {
                var tenderness = observation.Tenderness
                    ?? throw new ArgumentException("A knot found present has its tenderness rated.", nameof(history));
                if (previous is null || !previous.IsPresent)
                {
                    currentRunIsRecurrence = previous is not null;
                    if (currentRunIsRecurrence)
                    {
                        recurrences++;
                        daysToLastRecurrence = observation.VisitedOn.DayNumber - lastResolvedOn!.Value.DayNumber;
                    }

                    state = currentRunIsRecurrence ? KnotState.Recurred : KnotState.New;
                    runStart = observation.VisitedOn;
                    window.Clear();
                    presentInARow = 0;
                }

                if (window.Count == KnotRules.TrendWindow)
                {
                    window.Dequeue();
                }

                window.Enqueue(tenderness);
                presentInARow++;
                if (presentInARow > 1)
                {
                    state = KnotRules.TrendOf(tenderness - window.Peek());
                }

                lastPresentOn = observation.VisitedOn;
                daysPresent = lastPresentOn.DayNumber - runStart.DayNumber;
            }
            else if (previous!.IsPresent)
            {
                state = KnotState.Resolved;
                lastResolvedOn = observation.VisitedOn;
                presentInARow = 0;
                window.Clear();
            }

            previous = observation;
        }

        var trendChange = window.Count > 1 ? window.Last() - window.Peek() : 0;
        var latest = ordered[^1];
        return new KnotTrack(
            site,
            state,
            KnotRules.FlagsOf(state, recurrences, daysToLastRecurrence, currentRunIsRecurrence, presentInARow, trendChange),
            ordered.Count,
            recurrences,
            presentInARow,
            ordered[0].VisitedOn,
            latest.VisitedOn,
            state == KnotState.Resolved ? null : runStart,
            lastResolvedOn,
            daysPresent,
            daysToLastRecurrence,
            latest.IsPresent ? latest.Tenderness : null,
            trendChange);
    }

    /// <summary>Every site of a patient's history, each evaluated on its own observations.</summary>
    public static IReadOnlyList<KnotTrack> EvaluateAll(IEnumerable<(KnotSiteKey Site, KnotObservation Observation)> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return [.. history.GroupBy(h => h.Site, h => h.Observation)
            .Select(g => Evaluate(g.Key, g))
            .OfType<KnotTrack>()];
    }
}
