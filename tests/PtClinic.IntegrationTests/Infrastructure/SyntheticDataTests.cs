using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Features.Dashboard;
using PtClinic.Application.Features.Assessment;
using PtClinic.Application.Features.Episodes;
using PtClinic.Application.Features.Knots;
using PtClinic.Application.Features.Plans;
using PtClinic.Application.Features.Treatment;
using PtClinic.Application.Features.Visits;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Seeding;
using PtClinic.Infrastructure.Seeding.Synthetic;

namespace PtClinic.IntegrationTests.Infrastructure;

/// <summary>
/// The synthetic-data generator (Infrastructure/Seeding/Synthetic, ./ptclinic.sh seed) at a small size: every
/// row stays in its episode's clinic, the app reads what it wrote, the figures are in a clinic's
/// range, and the same seed writes the same rows.
/// </summary>
public sealed class SyntheticDataTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly SeedOptions Small = new()
    {
        Episodes = 200,
        Clinics = 2,
        Seed = 4242,
        Months = 12,
        Today = new DateOnly(2026, 6, 15),
        IncludeDemoClinic = false,
        BatchEpisodes = 150,
    };

    /// <summary>The demo therapist's visits, hers or covered by her.</summary>
    private static readonly string MayasVisits =
        $"SELECT count(*) FROM visits v JOIN staff_members s ON s.id IN (v.therapist_id, v.covering_therapist_id) WHERE s.email = '{DemoClinic.Therapist.Email}'";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_row_stays_in_its_episodes_clinic()
    {
        var report = await SeedAsync();
        report.Counts["episodes"].ShouldBe(200);
        report.Clinics.Count.ShouldBe(2);

        // Each query counts the rows whose clinic (or patient, episode, signer) differs from their parent's.
        string[] mismatches =
        [
            "SELECT count(*) FROM episodes e JOIN patients p ON p.id = e.patient_id WHERE e.clinic_id <> p.clinic_id",
            "SELECT count(*) FROM episodes e LEFT JOIN staff_members s ON s.id = e.therapist_id AND s.clinic_id = e.clinic_id WHERE s.id IS NULL",
            "SELECT count(*) FROM visits v JOIN episodes e ON e.id = v.episode_id WHERE v.clinic_id <> e.clinic_id OR v.patient_id <> e.patient_id",
            "SELECT count(*) FROM visits v LEFT JOIN staff_members s ON s.id = coalesce(v.covering_therapist_id, v.therapist_id) AND s.clinic_id = v.clinic_id WHERE s.id IS NULL",
            "SELECT count(*) FROM visit_notes n JOIN visits v ON v.id = n.visit_id WHERE n.clinic_id <> v.clinic_id",
            "SELECT count(*) FROM visit_notes n LEFT JOIN staff_members s ON s.id = n.signed_by_user_id AND s.clinic_id = n.clinic_id WHERE n.status = 'Signed' AND s.id IS NULL",
            "SELECT count(*) FROM visit_assessments a JOIN visits v ON v.id = a.visit_id WHERE a.clinic_id <> v.clinic_id OR a.episode_id <> v.episode_id OR a.patient_id <> v.patient_id OR a.visit_starts_at <> v.starts_at",
            "SELECT count(*) FROM recorded_outcomes o JOIN visit_assessments a ON a.id = o.assessment_id WHERE o.clinic_id <> a.clinic_id",
            "SELECT count(*) FROM knot_findings k JOIN visit_assessments a ON a.id = k.assessment_id WHERE k.clinic_id <> a.clinic_id OR k.patient_id <> a.patient_id OR k.visit_starts_at <> a.visit_starts_at",
            "SELECT count(*) FROM knot_absences k JOIN visit_assessments a ON a.id = k.assessment_id WHERE k.clinic_id <> a.clinic_id OR k.patient_id <> a.patient_id",
            "SELECT count(*) FROM knot_sites k JOIN patients p ON p.id = k.patient_id WHERE k.clinic_id <> p.clinic_id",
            "SELECT count(*) FROM cause_decisions d JOIN visits v ON v.id = d.visit_id WHERE d.clinic_id <> v.clinic_id OR d.episode_id <> v.episode_id",
            "SELECT count(*) FROM plans_of_care p JOIN episodes e ON e.id = p.episode_id WHERE p.clinic_id <> e.clinic_id OR p.patient_id <> e.patient_id",
            "SELECT count(*) FROM visit_treatments t JOIN visits v ON v.id = t.visit_id WHERE t.clinic_id <> v.clinic_id OR t.episode_id <> v.episode_id",
            "SELECT count(*) FROM performed_interventions i JOIN visit_treatments t ON t.id = i.treatment_id WHERE i.clinic_id <> t.clinic_id",
            "SELECT count(*) FROM dry_needling_procedures d JOIN visit_treatments t ON t.id = d.treatment_id WHERE d.clinic_id <> t.clinic_id",
            "SELECT count(*) FROM consents c JOIN patients p ON p.id = c.patient_id WHERE c.clinic_id <> p.clinic_id",
            // A signed note's assessment and treatment are frozen; a draft's are not; a discharged episode holds no draft.
            "SELECT count(*) FROM visit_notes n JOIN visit_assessments a ON a.visit_id = n.visit_id WHERE (n.status = 'Signed') <> (a.frozen_at IS NOT NULL)",
            "SELECT count(*) FROM visit_notes n JOIN visit_treatments t ON t.visit_id = n.visit_id WHERE (n.status = 'Signed') <> (t.frozen_at IS NOT NULL)",
            "SELECT count(*) FROM visit_notes n JOIN visits v ON v.id = n.visit_id JOIN episodes e ON e.id = v.episode_id WHERE e.status = 'Discharged' AND n.status = 'Draft'",
            // Notes only for visits that happened.
            "SELECT count(*) FROM visit_notes n JOIN visits v ON v.id = n.visit_id WHERE v.status NOT IN ('Completed', 'CheckedIn')",
        ];
        foreach (var sql in mismatches)
        {
            (await ScalarAsync<long>(sql)).ShouldBe(0, sql);
        }
    }

    [Fact]
    public async Task The_app_reads_the_generated_episodes_as_a_therapist_of_their_clinic()
    {
        await SeedAsync();
        var episodes = await RowsAsync(
            """
            SELECT DISTINCT ON (e.clinic_id, e.status) e.id, e.clinic_id, e.patient_id, e.therapist_id
            FROM episodes e
            WHERE EXISTS (SELECT 1 FROM knot_sites k WHERE k.patient_id = e.patient_id)
            ORDER BY e.clinic_id, e.status, e.id
            """,
            r => (Id: r.GetGuid(0), Clinic: r.GetGuid(1), Patient: r.GetGuid(2), Therapist: r.GetGuid(3)));
        episodes.Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var e in episodes)
        {
            var therapist = AppFixture.StaffOf(e.Clinic, e.Therapist, StaffRoles.Therapist);
            var progress = await App.SendAsync(therapist, new GetEpisodeProgressQuery(e.Id));
            progress.IsSuccess.ShouldBeTrue(progress.Error?.Message);
            progress.Value.Measures.ShouldNotBeEmpty();
            var list = await App.SendAsync(therapist, new ListPatientEpisodesQuery(e.Patient));
            list.IsSuccess.ShouldBeTrue(list.Error?.Message);
            list.Value.ShouldContain(x => x.Id == e.Id);
            var knots = await App.SendAsync(therapist, new GetKnotTimelineQuery(e.Patient));
            knots.IsSuccess.ShouldBeTrue(knots.Error?.Message);
            knots.Value.Sites.ShouldNotBeEmpty();
            var plan = await App.SendAsync(therapist, new GetPlanOfCareQuery(e.Id));
            plan.IsSuccess.ShouldBeTrue(plan.Error?.Message);
        }

        // A visit with dry needling: its note, assessment (findings, knots, scores) and treatment.
        var needled = await RowsAsync(
            """
            SELECT v.id, v.clinic_id, coalesce(v.covering_therapist_id, v.therapist_id)
            FROM dry_needling_procedures d JOIN visit_treatments t ON t.id = d.treatment_id JOIN visits v ON v.id = t.visit_id
            ORDER BY d.id LIMIT 3
            """,
            r => (Visit: r.GetGuid(0), Clinic: r.GetGuid(1), Therapist: r.GetGuid(2)));
        needled.ShouldNotBeEmpty();
        foreach (var v in needled)
        {
            var therapist = AppFixture.StaffOf(v.Clinic, v.Therapist, StaffRoles.Therapist);
            var note = await App.SendAsync(therapist, new GetVisitNoteQuery(v.Visit));
            note.IsSuccess.ShouldBeTrue(note.Error?.Message);
            var assessment = await App.SendAsync(therapist, new GetVisitAssessmentQuery(v.Visit));
            assessment.IsSuccess.ShouldBeTrue(assessment.Error?.Message);
            var treatment = await App.SendAsync(therapist, new GetVisitTreatmentQuery(v.Visit));
            treatment.IsSuccess.ShouldBeTrue(treatment.Error?.Message);
        }

        // And a therapist of the other clinic is refused the same episode.
        var (id, clinic, _, _) = episodes[0];
        var other = episodes.First(x => x.Clinic != clinic).Clinic;
        (await App.SendAsync(AppFixture.StaffOf(other, StaffRoles.Therapist), new GetEpisodeProgressQuery(id))).IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public async Task The_figures_are_in_a_clinics_range()
    {
        await SeedAsync();
        var visits = await ScalarAsync<long>("SELECT count(*) FROM visits WHERE status <> 'Scheduled'");
        Rate(await ScalarAsync<long>("SELECT count(*) FROM visits WHERE status = 'NoShow'"), visits).ShouldBeInRange(0.03, 0.15);
        Rate(await ScalarAsync<long>("SELECT count(*) FROM visits WHERE status = 'Cancelled'"), visits).ShouldBeInRange(0.02, 0.10);
        (await ScalarAsync<double>("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM (SELECT count(*) n FROM visits GROUP BY episode_id) x"))
            .ShouldBeInRange(6, 12);
        Rate(await ScalarAsync<long>("SELECT count(*) FROM episodes WHERE status = 'Discharged'"), 200).ShouldBeInRange(0.6, 0.95);
        Rate(await ScalarAsync<long>("SELECT count(*) FROM episodes WHERE discharge_reason = 'GoalsMet'"),
            await ScalarAsync<long>("SELECT count(*) FROM episodes WHERE status = 'Discharged'")).ShouldBeInRange(0.4, 0.8);
        Rate(await ScalarAsync<long>("SELECT count(*) FROM visit_notes WHERE status = 'Signed'"), await ScalarAsync<long>("SELECT count(*) FROM visit_notes"))
            .ShouldBeGreaterThan(0.95);
        (await ScalarAsync<long>("SELECT count(DISTINCT clinic_id) FROM episodes")).ShouldBe(2);
        (await ScalarAsync<long>("SELECT count(DISTINCT therapist_id) FROM episodes")).ShouldBeGreaterThanOrEqualTo(8);

        // Pain comes down from baseline to the last score, on the whole; some discharges have no discharge score.
        var change = await ScalarAsync<double>(
            """
            SELECT avg(last.score - first.score)::float8 FROM episodes e
            CROSS JOIN LATERAL (SELECT o.score FROM recorded_outcomes o JOIN visit_assessments a ON a.id = o.assessment_id
                                WHERE a.episode_id = e.id AND o.measure = 'Nprs' ORDER BY a.visit_starts_at LIMIT 1) first
            CROSS JOIN LATERAL (SELECT o.score FROM recorded_outcomes o JOIN visit_assessments a ON a.id = o.assessment_id
                                WHERE a.episode_id = e.id AND o.measure = 'Nprs' ORDER BY a.visit_starts_at DESC LIMIT 1) last
            WHERE e.status = 'Discharged'
            """);
        change.ShouldBeInRange(-5, -1);
        (await ScalarAsync<long>(
            """
            SELECT count(*) FROM episodes e WHERE e.status = 'Discharged' AND NOT EXISTS (
                SELECT 1 FROM recorded_outcomes o JOIN visit_assessments a ON a.id = o.assessment_id JOIN visits v ON v.id = a.visit_id
                WHERE a.episode_id = e.id AND v.type = 'Discharge')
            """)).ShouldBeGreaterThan(0);

        // Knots come back; dry needling has adverse events, rarely.
        (await ScalarAsync<long>("SELECT count(*) FROM knot_sites WHERE recurrence_count > 0")).ShouldBeGreaterThan(0);
        var sessions = await ScalarAsync<long>("SELECT count(*) FROM dry_needling_procedures");
        sessions.ShouldBeGreaterThan(0);
        Rate(await ScalarAsync<long>("SELECT count(*) FROM dry_needling_procedures WHERE jsonb_array_length(adverse_events) > 0"), sessions).ShouldBeLessThan(0.2);
        (await ScalarAsync<long>("SELECT count(*) FROM cause_decisions WHERE verdict = 'Confirmed'")).ShouldBeGreaterThan(100);
        (await ScalarAsync<long>("SELECT count(*) FROM plans_of_care WHERE number > 1")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Into_the_demo_clinic_its_manager_sees_the_episodes_and_the_demo_therapists_day_stays_hers()
    {
        await App.SeedDemoClinicAsync();
        var demoEpisodes = await ScalarAsync<long>($"SELECT count(*) FROM episodes WHERE clinic_id = '{DemoClinic.Id}'");
        var mayasVisits = await ScalarAsync<long>(MayasVisits);
        var report = await SyntheticSeeder.RunAsync(App.Database.OwnerConnectionString, Small with { IncludeDemoClinic = true }, null, Ct);

        report.Clinics[0].Id.ShouldBe(DemoClinic.Id);
        report.Clinics[0].Therapists.Count.ShouldBe(4); // Jonas Berg, Leila Haddad and two synthetic therapists
        (await ScalarAsync<long>($"SELECT count(*) FROM episodes WHERE clinic_id = '{DemoClinic.Id}'")).ShouldBeGreaterThan(demoEpisodes + 50);
        (await ScalarAsync<long>(MayasVisits)).ShouldBe(mayasVisits);

        var episode = await ScalarAsync<Guid>(
            $"SELECT id FROM episodes WHERE clinic_id = '{DemoClinic.Id}' AND status = 'Discharged' ORDER BY opened_at DESC LIMIT 1");
        var manager = AppFixture.StaffOf(DemoClinic.Id, StaffRoles.ClinicManager);
        var progress = await App.SendAsync(manager, new GetEpisodeProgressQuery(episode));
        progress.IsSuccess.ShouldBeTrue(progress.Error?.Message);
        progress.Value.Measures.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_month_totals_give_the_live_figures_for_whole_and_part_months_and_every_filter()
    {
        var report = await SeedAsync();
        (await ScalarAsync<long>("SELECT count(*) FROM episode_outcome_months")).ShouldBeGreaterThan(10);
        var today = Small.Today!.Value;
        (DateOnly From, DateOnly To)[] ranges =
        [
            (new(2025, 7, 1), new(2026, 6, 30)), // whole months
            (new(2025, 7, 1), today), // the dashboard's default: to today
            (new(2025, 9, 10), new(2026, 4, 20)), // both ends part months
            (new(2026, 3, 1), new(2026, 3, 31)), // one whole month
            (new(2026, 3, 5), new(2026, 3, 20)), // inside one month
            (new(2026, 3, 31), new(2026, 4, 1)), // two part months side by side
            (new(2020, 1, 1), new(2026, 12, 31)), // beyond the data at both ends
        ];
        var served = 0;
        foreach (var clinic in report.Clinics)
        {
            var manager = AppFixture.StaffOf(clinic.Id, StaffRoles.ClinicManager);
            foreach (var (from, to) in ranges)
            {
                foreach (var filter in new DashboardFilter[]
                         {
                             new(from, to), new(from, to, TherapistId: clinic.Therapists[0].Id), new(from, to, Region: BodyRegion.LowerBack),
                         })
                {
                    var (fromMonths, live, rows) = await App.AsAsync(manager, async services =>
                    {
                        var db = services.GetRequiredService<IAppDbContext>();
                        var figures = new OutcomeFigures(filter.From, filter.To, today);
                        var scoped = OutcomeFigures.InScope(db.EpisodeOutcomes.AsNoTracking(), filter);
                        var range = MonthRange.For(filter)!;
                        var rows = await range.Rows(db.EpisodeOutcomeMonths).CountAsync(Ct);
                        return (await GetOutcomeDashboardHandler.GroupsAsync(db.EpisodeOutcomeMonths.AsNoTracking(), range, scoped, figures, Ct),
                            await GetOutcomeDashboardHandler.LiveGroupsAsync(scoped, figures, Ct), rows);
                    });
                    served += rows;
                    var label = $"{clinic.Name} {filter}";
                    var (ours, oracle) = (Lines(fromMonths), Lines(live));
                    ours.Except(oracle).ShouldBeEmpty(label);
                    oracle.Except(ours).ShouldBeEmpty(label);
                }
            }
        }

        served.ShouldBeGreaterThan(0); // the totals did serve part of it

        // One line per therapist and months, its figures added up: a difference names the group and the figure.
        static List<string> Lines(IEnumerable<FigureGroup> groups) =>
        [
            .. groups.GroupBy(g => (g.TherapistId, g.OpenedMonth, g.DischargedMonth))
                .OrderBy(g => g.Key.TherapistId).ThenBy(g => g.Key.OpenedMonth).ThenBy(g => g.Key.DischargedMonth)
                .SelectMany(g => typeof(FigureTotals).GetProperties().Where(p => p.GetIndexParameters().Length == 0 && !p.GetMethod!.IsStatic)
                    .Select(p => $"{g.Key} {p.Name} = {p.GetValue(FigureTotals.Sum(g.Select(x => x.Totals))):0.####}")),
        ];
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_rows()
    {
        var first = await SeedAsync();
        var fingerprint = await FingerprintAsync();
        await App.Database.ResetAsync();
        var second = await SeedAsync();

        second.Counts.All.ShouldBe(first.Counts.All);
        (await FingerprintAsync()).ShouldBe(fingerprint);
        // A third time into the same database would write the same ids again: refused, nothing written.
        await Should.ThrowAsync<InvalidOperationException>(() => SeedAsync());
        (await ScalarAsync<long>("SELECT count(*) FROM episodes")).ShouldBe(200);
    }

    private Task<SeedReport> SeedAsync() => SyntheticSeeder.RunAsync(App.Database.OwnerConnectionString, Small, null, Ct);

    /// <summary>Ids, dates and scores of the main tables, hashed (MRNs come from the app's sequence, so they are left out).</summary>
    private Task<string> FingerprintAsync() => ScalarAsync<string>(
        """
        SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
            SELECT id::text || status || opened_at::text || coalesce(discharge_reason, '') x FROM episodes
            UNION ALL SELECT id::text || status || starts_at::text FROM visits
            UNION ALL SELECT id::text || measure || score::text FROM recorded_outcomes
            UNION ALL SELECT id::text || tenderness FROM knot_findings
            UNION ALL SELECT id::text || given_name || family_name FROM patients) rows
        """);

    private static double Rate(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(App.Database.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = (await command.ExecuteScalarAsync(Ct))!;
        return value is T typed ? typed : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<T>> RowsAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(App.Database.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
