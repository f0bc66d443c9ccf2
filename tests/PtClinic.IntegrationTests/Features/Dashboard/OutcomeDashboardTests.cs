using System.Security.Claims;
using Npgsql;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Application.Features.Patients;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Outcomes;
using PtClinic.Domain.Patients;
using PtClinic.Domain.Reasoning;
using PtClinic.IntegrationTests.Features.Episodes;

namespace PtClinic.IntegrationTests.Features.Dashboard;

/// <summary>
/// The dashboard's figures over a small hand-built set of episode outcome rows (what the records
/// of each episode come to is the snapshot tests' business): every expected value below was worked
/// out by hand from the table in <see cref="BuildAsync"/>, not by running the same query.
/// Range: 1 January to 30 June 2026; the clinic's today is 15 July 2026.
/// </summary>
public sealed class OutcomeDashboardTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateOnly From = new(2026, 1, 1);
    private static readonly DateOnly To = new(2026, 6, 30);
    private static readonly DateTimeOffset Now = new(2026, 7, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_clinic_figures_are_the_hand_counted_ones()
    {
        var set = await BuildAsync();
        await using var at = new StoppedClockApp(App, Now);

        var dashboard = (await at.SendAsync(set.Clinic.Manager, new GetOutcomeDashboardQuery(new DashboardFilter(From, To)))).Ok();
        var s = dashboard.Summary;

        // In scope: E1–E4, F1–F8, B1–B3 (X1 ended before the range, X2 opened after it, Y is another clinic's).
        s.Episodes.ShouldBe(15);
        s.Opened.ShouldBe(14); // all but B3, opened in November
        s.Discharged.ShouldBe(5); // E1, E2, E3, B1, B3
        s.Active.ShouldBe(10); // E4, F1–F8, B2
        s.DischargeReasons.ShouldBe([(DischargeReason.GoalsMet, 3), (DischargeReason.PlateauOrReferredOn, 0), (DischargeReason.StoppedAttending, 1), (DischargeReason.Other, 1)]);
        s.MedianVisitsToDischarge.ShouldBe(6m); // 3 5 6 7 8
        s.MedianDaysToDischarge.ShouldBe(42m); // 40 41 42 45 65

        // NPRS: E1 8→2 (6), E2 6→5 (1), E4 5→3 (2), B1 4→1 (3): 3 of 4 reach the MCID of 2; mean (6+1+2+3)/4 = 3.
        var nprs = s.Measure(OutcomeMeasure.Nprs);
        (nprs.Scored, nprs.ScoredAtDischarge, nprs.ScoredAtLatest, nprs.MeanImprovement).ShouldBe((4, 3, 1, 3.0m));
        (nprs.ReachedMcid.Count, nprs.ReachedMcid.Of).ShouldBe((3, 4));
        // Wilson, z = 1.96, n = 4, p = 0.75: centre (0.75 + 1.9208/4) / (1 + 3.8415/4) = 0.6275,
        // half-width 1.96·√(0.75·0.25/4 + 3.8415/64) / 1.9604 = 0.3269: 30.1 % to 95.4 %.
        nprs.ReachedMcid.Low!.Value.ShouldBe(0.3006, 0.0001);
        nprs.ReachedMcid.High!.Value.ShouldBe(0.9544, 0.0001);
        nprs.ReachedMcid.Describe().ShouldBe("75 % (30 %–95 %)");
        var lefs = s.Measure(OutcomeMeasure.Lefs); // E2 40→55
        (lefs.Scored, lefs.ReachedMcid.Count, lefs.MeanImprovement).ShouldBe((1, 1, 15.0m));
        var psfs = s.Measure(OutcomeMeasure.Psfs); // E4 3→6, still running
        (psfs.Scored, psfs.ScoredAtDischarge, psfs.ReachedMcid.Count, psfs.MeanImprovement).ShouldBe((1, 0, 1, 3.0m));
        var odi = s.Measure(OutcomeMeasure.Odi); // E1 40→20 (20), B3 30→25 (5, under the MCID of 10)
        (odi.Scored, odi.ReachedMcid.Count, odi.MeanImprovement).ShouldBe((2, 1, 12.5m));

        (s.NoDischargeOutcome.Count, s.NoDischargeOutcome.Of).ShouldBe((1, 5)); // E3 left with no final score
        s.NoDischargeOutcome.Low!.Value.ShouldBe(0.0362, 0.0001);
        (s.KnotRecurrence.Count, s.KnotRecurrence.Of).ShouldBe((1, 3)); // E1 2 resolved 1 back, E2 1 resolved
        s.DryNeedlingSessions.ShouldBe(3); // E1 2, E4 1
        (s.AdverseEvents.Count, s.AdverseEvents.Of).ShouldBe((1, 3));
        s.AdverseEventsByKind.Single(k => k.Kind == "Bruising").Rate.Count.ShouldBe(1);
        s.AdverseEventsByKind.Where(k => k.Kind != "Bruising").Sum(k => k.Rate.Count).ShouldBe(0);
        // Visits: booked 8+10+5+4+8·2+6+1+7 = 57, attended 6+8+3+4+16+5+1+7 = 50, no-shows 1+2+2 = 5, cancelled 1+1 = 2.
        (s.NoShows.Count, s.NoShows.Of).ShouldBe((5, 55));
        s.NoShows.High!.Value.ShouldBe(0.1958, 0.0001);
        (s.Cancellations.Count, s.Cancellations.Of).ShouldBe((2, 57));
        s.ProgressNotesOverdue.ShouldBe(2); // E4 last evaluated 1 March, B2 1 June: over 30 days before 15 July
        s.RecertificationsOverdue.ShouldBe(1); // E4 was due 1 June
        s.CaseMix.Baseline.ShouldBe([10, 0, 3, 2]);
        s.CaseMix.Chronicity.ShouldBe([10, 2, 1, 2]);
        s.CaseMix.Age.ShouldBe([0, 10, 3, 2]);
    }

    [Fact]
    public async Task Each_therapist_is_compared_with_their_case_mix_and_under_ten_episodes_is_too_few()
    {
        var set = await BuildAsync();
        await using var at = new StoppedClockApp(App, Now);

        var dashboard = (await at.SendAsync(set.Clinic.Manager, new GetOutcomeDashboardQuery(new DashboardFilter(From, To)))).Ok();

        dashboard.Therapists.Select(t => (t.Name, t.Summary.Episodes, t.TooFewToCompare)).ShouldBe([("Maya Lindqvist", 12, false), ("Jonas Berg", 3, true)]);
        var maya = dashboard.Therapists[0].Summary;
        (maya.Measure(OutcomeMeasure.Nprs).ReachedMcid.Count, maya.Measure(OutcomeMeasure.Nprs).ReachedMcid.Of).ShouldBe((2, 3)); // E1, E4 of E1, E2, E4
        maya.Measure(OutcomeMeasure.Nprs).ReachedMcid.Low!.Value.ShouldBe(0.2077, 0.0001);
        maya.Measure(OutcomeMeasure.Nprs).ReachedMcid.High!.Value.ShouldBe(0.9385, 0.0001);
        maya.MedianVisitsToDischarge.ShouldBe(6m); // 3 6 8
        (maya.NoShows.Count, maya.NoShows.Of).ShouldBe((5, 42)); // attended 6+8+3+4+16 = 37
        maya.CaseMix.Describe().ShouldBe("severe pain 17 % · chronic 8 % · 65 and over 8 %"); // 2, 1, 1 of 12
        var jonas = dashboard.Therapists[1].Summary;
        jonas.MedianDaysToDischarge.ShouldBe(52.5m); // 40 65
        jonas.CaseMix.Age.ShouldBe([0, 1, 1, 1]);
    }

    [Fact]
    public async Task Each_filter_narrows_the_episodes_to_the_hand_picked_ones()
    {
        var set = await BuildAsync();
        await using var at = new StoppedClockApp(App, Now);

        async Task<OutcomeSummary> Summary(DashboardFilter filter) =>
            (await at.SendAsync(set.Clinic.Manager, new GetOutcomeDashboardQuery(filter))).Ok().Summary;

        var byTherapist = await Summary(new DashboardFilter(From, To, TherapistId: TestClinic.IdOf(set.Clinic.OtherTherapist)));
        (byTherapist.Episodes, byTherapist.Discharged, byTherapist.Measure(OutcomeMeasure.Nprs).ReachedMcid.Count).ShouldBe((3, 2, 1));
        var lowerBack = await Summary(new DashboardFilter(From, To, Region: BodyRegion.LowerBack)); // E1, E3
        (lowerBack.Episodes, lowerBack.Measure(OutcomeMeasure.Nprs).Scored, lowerBack.NoDischargeOutcome.Count).ShouldBe((2, 1, 1));
        var weakness = await Summary(new DashboardFilter(From, To, Cause: RootCause.Weakness)); // E1, E4
        (weakness.Episodes, weakness.DryNeedlingSessions, weakness.Measure(OutcomeMeasure.Psfs).Scored).ShouldBe((2, 3, 1));
        var gluteBridge = await Summary(new DashboardFilter(From, To, Intervention: "glute-bridge")); // E1, E4
        (gluteBridge.Episodes, gluteBridge.Measure(OutcomeMeasure.Nprs).ReachedMcid.Count).ShouldBe((2, 2));
        var cold = await Summary(new DashboardFilter(From, To, Intervention: "cold-therapy")); // B1
        (cold.Episodes, cold.CaseMix.Age[3]).ShouldBe((1, 1));
        var march = await Summary(new DashboardFilter(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31))); // E2, E3 discharged; E4 opened; E1 gone
        (march.Episodes, march.Opened, march.Discharged).ShouldBe((3, 1, 2));
    }

    [Fact]
    public async Task The_months_count_openings_by_opening_and_outcomes_by_discharge()
    {
        var set = await BuildAsync();
        await using var at = new StoppedClockApp(App, Now);

        var months = (await at.SendAsync(set.Clinic.Manager, new GetOutcomeDashboardQuery(new DashboardFilter(From, To)))).Ok().Months;

        months.Select(m => (m.Month, m.Opened, m.Discharged)).ShouldBe([(1, 2, 1), (2, 1, 1), (3, 1, 2), (4, 8, 0), (5, 1, 0), (6, 1, 1)]);
        (months[0].NoShows.Count, months[0].NoShows.Of).ShouldBe((3, 17)); // E1, E2: 1+2 of 6+8 attended and 3 missed
        months.Select(m => (m.Measures[0].ReachedMcid.Count, m.Measures[0].Scored)).ShouldBe([(0, 0), (1, 1), (0, 1), (0, 0), (0, 0), (1, 1)]);
    }

    [Fact]
    public async Task A_therapist_sees_their_own_caseload_and_nothing_wider()
    {
        var set = await BuildAsync();
        await using var at = new StoppedClockApp(App, Now);
        var mine = new DashboardFilter(From, To, TherapistId: TestClinic.IdOf(set.Clinic.Therapist));

        var own = (await at.SendAsync(set.Clinic.Therapist, new GetOutcomeDashboardQuery(mine))).Ok();
        own.Summary.Episodes.ShouldBe(12);
        own.Therapists.Select(t => t.Name).ShouldBe(["Maya Lindqvist"]);

        (await at.SendAsync(set.Clinic.Therapist, new GetOutcomeDashboardQuery(new DashboardFilter(From, To))))
            .Failed(ErrorKind.Forbidden).Message.ShouldBe("Therapists see the outcomes of their own caseload only.");
        (await at.SendAsync(set.Clinic.Therapist, new GetOutcomeDashboardQuery(mine with { TherapistId = TestClinic.IdOf(set.Clinic.OtherTherapist) })))
            .Failed(ErrorKind.Forbidden);
        (await at.SendAsync(set.Clinic.Desk, new GetOutcomeDashboardQuery(new DashboardFilter(From, To)))).Failed(ErrorKind.Forbidden);
        (await at.SendAsync(set.Clinic.Manager, new ListDashboardEpisodesQuery(new DashboardFilter(From, To), DashboardFigure.Episodes)))
            .Ok().Total.ShouldBe(15);
        (await at.SendAsync(set.Clinic.Therapist, new ListDashboardEpisodesQuery(new DashboardFilter(From, To), DashboardFigure.Episodes)))
            .Failed(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task The_drill_down_lists_exactly_the_episodes_a_figure_counts()
    {
        var set = await BuildAsync();
        await using var at = new StoppedClockApp(App, Now);

        async Task<IReadOnlyList<Guid>> Behind(DashboardFigure figure, DashboardFilter? filter = null) =>
            [.. (await at.SendAsync(set.Clinic.Manager, new ListDashboardEpisodesQuery(filter ?? new DashboardFilter(From, To), figure))).Ok().Items.Select(e => e.EpisodeId)];

        (await Behind(DashboardFigure.NprsReachedMcid)).ShouldBe([set["E1"], set["E4"], set["B1"]], ignoreOrder: true);
        (await Behind(DashboardFigure.NprsScored)).ShouldBe([set["E1"], set["E2"], set["E4"], set["B1"]], ignoreOrder: true);
        (await Behind(DashboardFigure.NprsReachedMcid, new DashboardFilter(From, To, TestClinic.IdOf(set.Clinic.Therapist)))).ShouldBe([set["E1"], set["E4"]], ignoreOrder: true);
        (await Behind(DashboardFigure.NoDischargeOutcome)).ShouldBe([set["E3"]]);
        (await Behind(DashboardFigure.KnotSitesRecurred)).ShouldBe([set["E1"]]);
        (await Behind(DashboardFigure.ProgressNoteOverdue)).ShouldBe([set["E4"], set["B2"]], ignoreOrder: true);
        (await Behind(DashboardFigure.DischargedGoalsMet)).ShouldBe([set["E1"], set["E2"], set["B1"]], ignoreOrder: true);

        var page = (await at.SendAsync(set.Clinic.Manager, new ListDashboardEpisodesQuery(new DashboardFilter(From, To), DashboardFigure.NprsReachedMcid))).Ok();
        var e1 = page.Items.Single(e => e.EpisodeId == set["E1"]);
        (e1.PatientName, e1.TherapistName, e1.Baseline, e1.Final).ShouldBe(("Patient E1", "Maya Lindqvist", 8m, 2m));
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_with_a_message()
    {
        var set = await BuildAsync();

        var refused = await App.SendAsync(set.Clinic.Manager, new GetOutcomeDashboardQuery(new DashboardFilter(To, From)));

        refused.Failed(ErrorKind.Validation).For("Filter.To").ShouldBe("The range ends before it starts: pick an end date on or after the start.");
        (await App.SendAsync(set.Clinic.Manager, new GetOutcomeDashboardQuery(new DashboardFilter(From, To, Intervention: "'; drop table x"))))
            .Failed(ErrorKind.Validation).For("Filter.Intervention").ShouldBe("Choose an intervention from the list.");
    }

    private sealed record Row(string Key, string Therapist, BodyRegion Region, DateOnly Opened, DateOnly? Discharged = null, DischargeReason? Reason = null)
    {
        public int Booked { get; init; } = 2;
        public int Attended { get; init; } = 2;
        public int NoShow { get; init; }
        public int Cancelled { get; init; }
        public int Signed { get; init; } = 2;
        public int Age { get; init; } = 35;
        public int? Onset { get; init; }
        public DateOnly? LastEvaluated { get; init; } = new DateOnly(2026, 7, 10);
        public int SinceEvaluation { get; init; } = 1;
        public DateOnly? RecertDue { get; init; }
        public decimal?[] Nprs { get; init; } = [null, null];
        public decimal?[] Lefs { get; init; } = [null, null];
        public decimal?[] Psfs { get; init; } = [null, null];
        public decimal?[] Odi { get; init; } = [null, null];
        public bool Recorded { get; init; }
        public string[] Causes { get; init; } = [];
        public string[] Interventions { get; init; } = [];
        public int Needling { get; init; }
        public int NeedlingWithEvents { get; init; }
        public int Bruising { get; init; }
        public int Resolved { get; init; }
        public int Recurred { get; init; }
    }

    private sealed record DataSet(TestClinic Clinic, IReadOnlyDictionary<string, Guid> Episodes)
    {
        public Guid this[string key] => Episodes[key];
    }

    /// <summary>
    /// The hand-built set. E = Maya's, B = Jonas's; F1–F8 are Maya's April openings with two visits
    /// each and nothing scored; X are Maya's episodes outside the range; Y is another clinic's.
    /// </summary>
    private async Task<DataSet> BuildAsync()
    {
        var clinic = await TestClinic.CreateAsync(App);
        var elsewhere = await TestClinic.CreateAsync(App, "Southside Physio");
        const string M = "M", J = "J";
        List<Row> rows =
        [
            new("E1", M, BodyRegion.LowerBack, new(2026, 1, 10), new(2026, 2, 20), DischargeReason.GoalsMet)
            {
                Booked = 8, Attended = 6, NoShow = 1, Cancelled = 1, Signed = 6, Age = 45, Onset = 20, Nprs = [8, 2], Odi = [40, 20], Recorded = true,
                Causes = ["PoorPosture", "Weakness"], Interventions = ["glute-bridge"], Needling = 2, NeedlingWithEvents = 1, Bruising = 1, Resolved = 2, Recurred = 1,
            },
            new("E2", M, BodyRegion.PosteriorThigh, new(2026, 1, 15), new(2026, 3, 1), DischargeReason.GoalsMet)
            {
                Booked = 10, Attended = 8, NoShow = 2, Signed = 8, Age = 30, Onset = 3, Nprs = [6, 5], Lefs = [40, 55], Recorded = true,
                Causes = ["ReducedFlexibility"], Interventions = ["hamstring-stretch-supine"], Resolved = 1,
            },
            new("E3", M, BodyRegion.LowerBack, new(2026, 2, 1), new(2026, 3, 15), DischargeReason.StoppedAttending)
            {
                Booked = 5, Attended = 3, NoShow = 2, Signed = 3, Age = 70, Nprs = [7, null], Causes = ["SedentaryLifestyle"],
            },
            new("E4", M, BodyRegion.Knee, new(2026, 3, 1))
            {
                Booked = 4, Attended = 4, Signed = 4, Age = 50, Onset = 8, Nprs = [5, 3], Psfs = [3, 6], Causes = ["Weakness"],
                Interventions = ["dry-needling", "glute-bridge"], Needling = 1, LastEvaluated = new(2026, 3, 1), SinceEvaluation = 4, RecertDue = new(2026, 6, 1),
            },
            .. Enumerable.Range(1, 8).Select(i => new Row($"F{i}", M, BodyRegion.Hip, new(2026, 4, i)) { RecertDue = new(2026, 8, 1) }),
            new("B1", J, BodyRegion.Knee, new(2026, 5, 1), new(2026, 6, 10), DischargeReason.GoalsMet)
            {
                Booked = 6, Attended = 5, Cancelled = 1, Signed = 5, Age = 66, Onset = 2, Nprs = [4, 1], Recorded = true, Causes = ["Overexertion"], Interventions = ["cold-therapy"],
            },
            new("B2", J, BodyRegion.Hip, new(2026, 6, 1)) { Booked = 1, Attended = 1, Signed = 1, LastEvaluated = new(2026, 6, 1), SinceEvaluation = 0 },
            new("B3", J, BodyRegion.AnkleFoot, new(2025, 11, 1), new(2026, 1, 5), DischargeReason.Other)
            {
                Booked = 7, Attended = 7, Signed = 7, Age = 58, Onset = 30, Odi = [30, 25], Recorded = true,
            },
            new("X1", M, BodyRegion.Hip, new(2025, 11, 1), new(2025, 12, 20), DischargeReason.GoalsMet) { Nprs = [9, 1], Recorded = true },
            new("X2", M, BodyRegion.Hip, new(2026, 7, 5)) { Nprs = [9, 1] },
        ];

        var ids = new Dictionary<string, Guid>();
        foreach (var row in rows)
        {
            ids[row.Key] = await AddAsync(clinic, row.Therapist == M ? clinic.Therapist : clinic.OtherTherapist, row);
        }

        await AddAsync(elsewhere, elsewhere.Therapist, new Row("Y", M, BodyRegion.Hip, new(2026, 3, 1)) { Nprs = [9, 1] });
        // The outcome rows were written by hand: their month totals are added up from them as stored.
        await App.RebuildMonthTotalsAsync(clinic.Id);
        await App.RebuildMonthTotalsAsync(elsewhere.Id);
        return new DataSet(clinic, ids);
    }

    private async Task<Guid> AddAsync(TestClinic clinic, ClaimsPrincipal therapist, Row row)
    {
        var patient = (await App.SendAsync(clinic.Desk, new RegisterPatientCommand("Patient", row.Key, new DateOnly(1980, 1, 1), Sex.Female))).Ok();
        var episode = await clinic.OpenEpisodeAsync(patient, therapist);
        await using var connection = new NpgsqlConnection(App.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO episode_outcomes (episode_id, clinic_id, patient_id, therapist_id, region, status, discharge_reason, opened_on, discharged_on,
                days_to_discharge, age_at_opening, weeks_since_onset, visits_booked, visits_attended, visits_no_show, visits_cancelled, visits_signed,
                last_evaluated_on, visits_since_evaluation, recertification_due_on, nprs_baseline, nprs_final, lefs_baseline, lefs_final,
                psfs_baseline, psfs_final, odi_baseline, odi_final, discharge_outcome_recorded, causes, interventions, dry_needling_sessions,
                dry_needling_sessions_with_adverse_events, adverse_bruising, adverse_bleeding, adverse_soreness, adverse_fainting, adverse_other,
                knot_sites_resolved, knot_sites_recurred, refreshed_at)
            VALUES (@episode, @clinic, @patient, @therapist, @region, @status, @reason, @opened, @discharged,
                @discharged - @opened, @age, @onset, @booked, @attended, @noShow, @cancelled, @signed,
                @evaluated, @since, @recert, @n0, @n1, @l0, @l1, @p0, @p1, @o0, @o1, @recorded, @causes, @interventions, @needling,
                @withEvents, @bruising, 0, 0, 0, 0, @resolved, @recurred, now())
            ON CONFLICT (episode_id) DO UPDATE SET
                region = excluded.region, status = excluded.status, discharge_reason = excluded.discharge_reason, opened_on = excluded.opened_on,
                discharged_on = excluded.discharged_on, days_to_discharge = excluded.days_to_discharge, age_at_opening = excluded.age_at_opening,
                weeks_since_onset = excluded.weeks_since_onset, visits_booked = excluded.visits_booked, visits_attended = excluded.visits_attended,
                visits_no_show = excluded.visits_no_show, visits_cancelled = excluded.visits_cancelled, visits_signed = excluded.visits_signed,
                last_evaluated_on = excluded.last_evaluated_on, visits_since_evaluation = excluded.visits_since_evaluation,
                recertification_due_on = excluded.recertification_due_on, nprs_baseline = excluded.nprs_baseline, nprs_final = excluded.nprs_final,
                lefs_baseline = excluded.lefs_baseline, lefs_final = excluded.lefs_final, psfs_baseline = excluded.psfs_baseline,
                psfs_final = excluded.psfs_final, odi_baseline = excluded.odi_baseline, odi_final = excluded.odi_final,
                discharge_outcome_recorded = excluded.discharge_outcome_recorded, causes = excluded.causes, interventions = excluded.interventions,
                dry_needling_sessions = excluded.dry_needling_sessions,
                dry_needling_sessions_with_adverse_events = excluded.dry_needling_sessions_with_adverse_events,
                adverse_bruising = excluded.adverse_bruising, knot_sites_resolved = excluded.knot_sites_resolved,
                knot_sites_recurred = excluded.knot_sites_recurred
            """, connection);
        var p = command.Parameters;
        p.AddWithValue("episode", episode);
        p.AddWithValue("clinic", clinic.Id);
        p.AddWithValue("patient", patient);
        p.AddWithValue("therapist", TestClinic.IdOf(therapist));
        p.AddWithValue("region", row.Region.ToString());
        p.AddWithValue("status", (row.Discharged is null ? EpisodeStatus.Active : EpisodeStatus.Discharged).ToString());
        p.AddWithValue("reason", (object?)row.Reason?.ToString() ?? DBNull.Value);
        p.AddWithValue("opened", row.Opened);
        p.AddWithValue("discharged", NpgsqlTypes.NpgsqlDbType.Date, (object?)row.Discharged ?? DBNull.Value);
        p.AddWithValue("age", row.Age);
        p.AddWithValue("onset", NpgsqlTypes.NpgsqlDbType.Integer, (object?)row.Onset ?? DBNull.Value);
        p.AddWithValue("booked", row.Booked);
        p.AddWithValue("attended", row.Attended);
        p.AddWithValue("noShow", row.NoShow);
        p.AddWithValue("cancelled", row.Cancelled);
        p.AddWithValue("signed", row.Signed);
        p.AddWithValue("evaluated", NpgsqlTypes.NpgsqlDbType.Date, (object?)row.LastEvaluated ?? DBNull.Value);
        p.AddWithValue("since", row.SinceEvaluation);
        p.AddWithValue("recert", NpgsqlTypes.NpgsqlDbType.Date, (object?)row.RecertDue ?? DBNull.Value);
        foreach (var (name, pair) in new[] { ("n", row.Nprs), ("l", row.Lefs), ("p", row.Psfs), ("o", row.Odi) })
        {
            p.AddWithValue(name + "0", NpgsqlTypes.NpgsqlDbType.Numeric, (object?)pair[0] ?? DBNull.Value);
            p.AddWithValue(name + "1", NpgsqlTypes.NpgsqlDbType.Numeric, (object?)pair[1] ?? DBNull.Value);
        }

        p.AddWithValue("recorded", row.Recorded);
        p.AddWithValue("causes", row.Causes);
        p.AddWithValue("interventions", row.Interventions);
        p.AddWithValue("needling", row.Needling);
        p.AddWithValue("withEvents", row.NeedlingWithEvents);
        p.AddWithValue("bruising", row.Bruising);
        p.AddWithValue("resolved", row.Resolved);
        p.AddWithValue("recurred", row.Recurred);
        await command.ExecuteNonQueryAsync();
        return episode;
    }
}
