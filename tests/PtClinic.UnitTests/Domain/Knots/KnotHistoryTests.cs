using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Knots;

namespace PtClinic.UnitTests.Domain.Knots;

/// <summary>
/// Sequences of signed visits at one site → the state, recurrence count and flags the rules give.
/// A history reads "day:what", oldest first: a number is the knot found with that tenderness, A is
/// palpated and absent, - is a visit that did not palpate the site (not assessed), and | starts the
/// patient's next episode.
/// </summary>
public sealed class KnotHistoryTests
{
    private static readonly KnotSiteKey Site = new("biceps-femoris-long-head", BodySide.Left, MuscleZone.MiddleThird);
    private static readonly DateOnly Day0 = new(2026, 1, 5);

    public static TheoryData<string, string, KnotState, int, KnotFlags> Scenarios() => new()
    {
        // Found, followed, resolved.
        { "a knot found once is new", "0:6", KnotState.New, 0, KnotFlags.None },
        { "absences before it was first found say nothing", "0:A 7:6", KnotState.New, 0, KnotFlags.None },
        { "one point less tender is within the tolerance", "0:6 7:5", KnotState.Persisting, 0, KnotFlags.None },
        { "one point more tender is within the tolerance", "0:6 7:7", KnotState.Persisting, 0, KnotFlags.None },
        { "two points less tender is improving", "0:6 7:4", KnotState.Improving, 0, KnotFlags.None },
        { "two points more tender is worsening", "0:5 7:7", KnotState.Worsening, 0, KnotFlags.None },
        { "palpated and not found at the latest visit is resolved", "0:6 7:4 14:A", KnotState.Resolved, 0, KnotFlags.None },
        { "still absent later stays resolved", "0:6 7:A 14:A", KnotState.Resolved, 0, KnotFlags.None },

        // Not assessed is a gap, never an absence.
        { "a visit that did not palpate it does not resolve it", "0:6 7:- 14:6", KnotState.Persisting, 0, KnotFlags.None },
        { "found again across a gap is not a recurrence", "0:6 7:- 14:- 21:3", KnotState.Improving, 0, KnotFlags.None },
        { "gaps after resolving leave it resolved", "0:6 7:A 14:- 21:-", KnotState.Resolved, 0, KnotFlags.None },

        // Recurrence, in the same episode or a later one.
        { "found again after resolving is recurred", "0:6 7:A 60:5", KnotState.Recurred, 1, KnotFlags.None },
        { "back in a later episode is recurred", "0:6 7:A | 120:5", KnotState.Recurred, 1, KnotFlags.None },
        { "back in a later episode after a gap is recurred", "0:6 7:A 14:- | 120:- 127:5", KnotState.Recurred, 1, KnotFlags.None },
        { "after a recurrence the trend starts again", "0:8 7:A 60:8 67:5", KnotState.Improving, 1, KnotFlags.None },

        // Flag: recurred twice or more.
        { "came back twice is flagged", "0:6 7:A 60:5 67:A 120:5", KnotState.Recurred, 2, KnotFlags.RecurredRepeatedly },
        { "came back twice, across episodes, is flagged", "0:6 7:A | 60:5 67:A | 120:5", KnotState.Recurred, 2, KnotFlags.RecurredRepeatedly },
        { "came back twice and resolved again carries no flag", "0:6 7:A 60:5 67:A 120:5 127:A", KnotState.Resolved, 2, KnotFlags.None },

        // Flag: recurred within 30 days of resolving (the resolution is the first visit it was absent).
        { "back 30 days after resolving is flagged", "0:6 10:A 40:5", KnotState.Recurred, 1, KnotFlags.RecurredSoon },
        { "back 31 days after resolving is not", "0:6 10:A 41:5", KnotState.Recurred, 1, KnotFlags.None },
        { "days count from the first absence, not the last", "0:6 10:A 35:A 41:5", KnotState.Recurred, 1, KnotFlags.None },
        { "the soon flag stays while that recurrence lasts", "0:6 10:A 20:6 27:6", KnotState.Persisting, 1, KnotFlags.RecurredSoon },
        { "came back twice, the second soon, carries both", "0:6 7:A 60:5 67:A 80:5", KnotState.Recurred, 2, KnotFlags.RecurredRepeatedly | KnotFlags.RecurredSoon },

        // Flag: present at 4 assessments in a row without improving beyond the tolerance.
        { "present at 3 visits in a row is not yet flagged", "0:6 7:6 14:6", KnotState.Persisting, 0, KnotFlags.None },
        { "present at 4 visits in a row unchanged is flagged", "0:6 7:6 14:6 21:6", KnotState.Persisting, 0, KnotFlags.NotImproving },
        { "one point better over 4 visits is still not improving", "0:6 7:6 14:6 21:5", KnotState.Persisting, 0, KnotFlags.NotImproving },
        { "two points better over 4 visits is improving, not flagged", "0:6 7:6 14:5 21:4", KnotState.Improving, 0, KnotFlags.None },
        { "worse over 4 visits is flagged", "0:6 7:7 14:7 21:8", KnotState.Worsening, 0, KnotFlags.NotImproving },
        { "better early, then stuck for 4 visits, is flagged", "0:8 7:5 14:5 21:5 28:5", KnotState.Persisting, 0, KnotFlags.NotImproving },
        { "better early, the window still holding the drop, is not", "0:8 7:5 14:5 21:5", KnotState.Improving, 0, KnotFlags.None },
        { "gaps are not assessments: 4 presences across gaps are flagged", "0:6 7:- 14:6 21:- 28:6 35:6", KnotState.Persisting, 0, KnotFlags.NotImproving },
        { "an absence breaks the run (and it came back soon)", "0:6 7:6 14:A 21:6 28:6", KnotState.Persisting, 1, KnotFlags.RecurredSoon },
        { "resolved after being stuck carries no flag", "0:6 7:6 14:6 21:6 28:A", KnotState.Resolved, 0, KnotFlags.None },
        { "stuck after coming back twice carries every flag", "0:6 7:A 60:6 67:A 80:6 87:6 94:6 101:6", KnotState.Persisting, 2, KnotFlags.RecurredRepeatedly | KnotFlags.RecurredSoon | KnotFlags.NotImproving },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_sites_history_gives_its_state_count_and_flags(string why, string history, KnotState state, int recurrences, KnotFlags flags)
    {
        var track = KnotHistory.Evaluate(Site, Parse(history)).ShouldNotBeNull(why);

        track.State.ShouldBe(state, why);
        track.RecurrenceCount.ShouldBe(recurrences, why);
        track.Flags.ShouldBe(flags, why);
        track.Assessments.ShouldBe(history.Split(' ').Count(t => t.Contains(':') && !t.EndsWith('-')) - LeadingAbsences(history), why);
    }

    [Fact]
    public void A_site_only_ever_found_absent_is_not_tracked() =>
        KnotHistory.Evaluate(Site, Parse("0:A 7:A")).ShouldBeNull();

    [Fact]
    public void Days_present_count_from_the_start_of_the_current_run()
    {
        var track = KnotHistory.Evaluate(Site, Parse("0:6 7:A 60:5 67:5 81:4"))!;

        track.FirstSeenOn.ShouldBe(Day0);
        track.PresentSince.ShouldBe(Day0.AddDays(60));
        track.DaysPresent.ShouldBe(21);
        track.PresentInARow.ShouldBe(3);
        track.LastResolvedOn.ShouldBe(Day0.AddDays(7));
        track.DaysToLastRecurrence.ShouldBe(53);
        track.DaysSinceLastResolution(Day0.AddDays(81)).ShouldBe(74);
        track.LatestTenderness.ShouldBe(4);
        track.TrendChange.ShouldBe(-1);
    }

    [Fact]
    public void A_resolved_site_keeps_the_length_of_its_last_run_and_when_it_resolved()
    {
        var track = KnotHistory.Evaluate(Site, Parse("0:6 14:5 21:A 28:A"))!;

        track.PresentSince.ShouldBeNull();
        track.DaysPresent.ShouldBe(14);
        track.LastResolvedOn.ShouldBe(Day0.AddDays(21));
        track.LastAssessedOn.ShouldBe(Day0.AddDays(28));
        track.LatestTenderness.ShouldBeNull();
        track.DaysSinceLastResolution(Day0.AddDays(30)).ShouldBe(9);
    }

    [Fact]
    public void The_order_the_visits_come_in_does_not_matter()
    {
        var history = Parse("0:6 7:A 40:5 47:5");

        KnotHistory.Evaluate(Site, history.Reverse()).ShouldBe(KnotHistory.Evaluate(Site, history));
    }

    [Theory]
    [InlineData(KnotFlags.None, "")]
    [InlineData(KnotFlags.RecurredSoon, "StructuredProgram,DryNeedling")]
    [InlineData(KnotFlags.RecurredRepeatedly, "StructuredProgram,DryNeedling")]
    [InlineData(KnotFlags.NotImproving, "StructuredProgram,DryNeedling,DoctorReferral")]
    [InlineData(KnotFlags.RecurredSoon | KnotFlags.NotImproving, "StructuredProgram,DryNeedling,DoctorReferral")]
    public void Flags_call_for_the_escalations_of_DESIGN(KnotFlags flags, string escalations) =>
        string.Join(",", KnotRules.EscalationsFor(flags)).ShouldBe(escalations);

    [Fact]
    public void Flag_reasons_read_as_a_therapist_would_say_them()
    {
        var track = KnotHistory.Evaluate(Site, Parse("0:6 7:A 60:6 67:A 80:6 87:6 94:6 101:6"))!;

        KnotRules.Describe(track).ShouldBe(["came back twice", "came back 13 days after resolving", "present at 4 visits in a row without improving"]);
    }

    private static int LeadingAbsences(string history) =>
        history.Split(' ').Where(t => t.Contains(':') && !t.EndsWith('-')).TakeWhile(t => t.EndsWith('A')).Count();

    /// <summary>The history string as the observations signed visits leave.</summary>
    private static IReadOnlyList<KnotObservation> Parse(string history)
    {
        // Episodes change nothing in the rules (a knot is the patient's, not the episode's): the
        // boundary is in the strings to show the scenarios cross it.
        var observations = new List<KnotObservation>();
        foreach (var token in history.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "|")
            {
                continue;
            }

            var (day, what) = (int.Parse(token[..token.IndexOf(':')]), token[(token.IndexOf(':') + 1)..]);
            var on = Day0.AddDays(day);
            var startsAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var visit = Guid.CreateVersion7(startsAt);
            switch (what)
            {
                case "-":
                    break;
                case "A":
                    observations.Add(KnotObservation.Absent(visit, startsAt, on));
                    break;
                default:
                    observations.Add(KnotObservation.Present(visit, startsAt, on, int.Parse(what)));
                    break;
            }
        }

        return observations;
    }
}
