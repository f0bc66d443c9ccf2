using Npgsql;

namespace PtClinic.Infrastructure.Persistence;

/// <summary>
/// The episode_outcomes rows, derived from the records in one statement: every visit, signed note,
/// score, cause decision, plan, treatment and knot of the episodes taken at once, grouped by
/// episode. Each part is a plain join from the episodes named, over indexes the records already
/// have (visits by episode, notes and assessments and treatments by visit, scores and knots by
/// assessment, knots by patient and site), so one episode is a handful of index lookups and a
/// whole clinic is a few hash joins. Raw SQL is not filtered by clinic, so the clinic is named in
/// it. Public for the benchmark, which replays exactly these.
/// </summary>
public static class EpisodeOutcomeSql
{
    /// <summary>The table's columns in the order <see cref="Derived"/> gives them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "episode_id", "clinic_id", "patient_id", "therapist_id", "region", "status", "discharge_reason", "opened_on", "discharged_on",
        "age_at_opening", "weeks_since_onset", "visits_booked", "visits_attended", "visits_no_show", "visits_cancelled", "visits_signed",
        "last_evaluated_on", "visits_since_evaluation", "recertification_due_on",
        "nprs_baseline", "nprs_final", "lefs_baseline", "lefs_final", "psfs_baseline", "psfs_final", "odi_baseline", "odi_final",
        "discharge_outcome_recorded", "causes", "interventions", "dry_needling_sessions", "dry_needling_sessions_with_adverse_events",
        "adverse_bruising", "adverse_bleeding", "adverse_soreness", "adverse_fainting", "adverse_other",
        "knot_sites_resolved", "knot_sites_recurred", "days_to_discharge", "refreshed_at",
    ];

    /// <summary>A knot found again this many days (clinic dates) after it resolved has recurred.</summary>
    public const int RecurrenceWindowDays = 90;

    /// <summary>Derives the named episodes of the clinic and writes them, whatever was stored.</summary>
    public static string Refresh { get; } = Upsert(clinicFilter: "e.clinic_id = @clinic_id AND e.id = ANY (@episode_ids)", from: "derived");

    /// <summary>
    /// The same for a save with no signed-in user (the tools that seed or migrate name their clinic
    /// on each row): the named episodes, each in its own clinic.
    /// </summary>
    public static string RefreshInOwnClinics { get; } = Upsert(clinicFilter: "e.id = ANY (@episode_ids)", from: "derived");

    /// <summary>
    /// Derives every episode of the clinic, writes the rows that are missing or differ in any column
    /// but refreshed_at, deletes the clinic's rows of no episode, and returns how many it corrected.
    /// </summary>
    public static string Rebuild { get; } = $"""
        {With("e.clinic_id = @clinic_id")},
        stale AS (
            SELECT d.*
            FROM derived AS d
            LEFT JOIN episode_outcomes AS o ON o.episode_id = d.episode_id
            WHERE o.episode_id IS NULL
               OR ROW({string.Join(", ", Compared.Select(c => "d." + c))})
                  IS DISTINCT FROM ROW({string.Join(", ", Compared.Select(c => "o." + c))})
        ),
        removed AS (
            DELETE FROM episode_outcomes AS o
            WHERE o.clinic_id = @clinic_id AND NOT EXISTS (SELECT 1 FROM derived AS d WHERE d.episode_id = o.episode_id)
            RETURNING 1
        ),
        written AS (
            {Insert("stale")}
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM removed)
        """;

    private static IEnumerable<string> Compared => Columns.Where(c => c != "refreshed_at");

    private static string Upsert(string clinicFilter, string from) => $"""
        {With(clinicFilter)}
        {Insert(from)}
        """;

    private static string Insert(string from) => $"""
        INSERT INTO episode_outcomes ({string.Join(", ", Columns)})
            SELECT {string.Join(", ", Columns)} FROM {from}
            ON CONFLICT (episode_id) DO UPDATE SET
                {string.Join(", ", Columns.Where(c => c != "episode_id").Select(c => $"{c} = EXCLUDED.{c}"))}
        """;

    /// <summary>The derivation, as a WITH clause ending in <c>derived</c>: one row per episode the filter keeps.</summary>
    private static string With(string clinicFilter) => $"""
        WITH ep AS (
            SELECT e.id, e.clinic_id, e.patient_id, e.therapist_id, e.region, e.status, e.discharge_reason, e.onset_date,
                   p.date_of_birth, c.time_zone,
                   (e.opened_at AT TIME ZONE c.time_zone)::date AS opened_on,
                   (e.discharged_at AT TIME ZONE c.time_zone)::date AS discharged_on
            FROM episodes AS e
            JOIN clinics AS c ON c.id = e.clinic_id
            JOIN patients AS p ON p.id = e.patient_id
            WHERE {clinicFilter}
        ),
        booked AS (
            SELECT v.episode_id,
                   count(*) AS booked,
                   count(*) FILTER (WHERE v.status IN ('CheckedIn', 'Completed')) AS attended,
                   count(*) FILTER (WHERE v.status = 'NoShow') AS no_show,
                   count(*) FILTER (WHERE v.status = 'Cancelled') AS cancelled
            FROM ep
            JOIN visits AS v ON v.episode_id = ep.id
            GROUP BY v.episode_id
        ),
        -- Signed by the note's status: inside the signing transaction the note is written signed
        -- before its assessment's freeze is.
        signed AS MATERIALIZED (
            SELECT v.episode_id, v.patient_id, v.id AS visit_id, v.starts_at, v.type, ep.time_zone
            FROM ep
            JOIN visits AS v ON v.episode_id = ep.id
            JOIN visit_notes AS n ON n.visit_id = v.id
            WHERE n.status = 'Signed'
        ),
        signed_summary AS (
            SELECT s.episode_id,
                   count(*) AS visits,
                   max(s.starts_at) FILTER (WHERE s.type IN ('InitialEvaluation', 'ProgressNote')) AS evaluated_at,
                   (array_agg(s.visit_id ORDER BY s.starts_at DESC, s.visit_id DESC))[1] AS last_visit_id
            FROM signed AS s
            GROUP BY s.episode_id
        ),
        since_evaluation AS (
            SELECT s.episode_id, count(*) AS visits
            FROM signed AS s
            JOIN signed_summary AS ss ON ss.episode_id = s.episode_id
            WHERE ss.evaluated_at IS NULL OR s.starts_at > ss.evaluated_at
            GROUP BY s.episode_id
        ),
        scored AS (
            SELECT s.episode_id, o.measure,
                   (array_agg(o.score ORDER BY s.starts_at, s.visit_id))[1] AS baseline,
                   (array_agg(o.score ORDER BY s.starts_at DESC, s.visit_id DESC))[1] AS latest,
                   (array_agg(s.visit_id ORDER BY s.starts_at DESC, s.visit_id DESC))[1] AS latest_visit_id,
                   count(*) AS times
            FROM signed AS s
            JOIN visit_assessments AS a ON a.visit_id = s.visit_id
            JOIN recorded_outcomes AS o ON o.assessment_id = a.id
            GROUP BY s.episode_id, o.measure
        ),
        scores AS (
            SELECT sc.episode_id,
                   max(sc.baseline) FILTER (WHERE sc.measure = 'Nprs') AS nprs_baseline,
                   max(sc.latest) FILTER (WHERE sc.measure = 'Nprs' AND sc.times > 1) AS nprs_final,
                   max(sc.baseline) FILTER (WHERE sc.measure = 'Lefs') AS lefs_baseline,
                   max(sc.latest) FILTER (WHERE sc.measure = 'Lefs' AND sc.times > 1) AS lefs_final,
                   max(sc.baseline) FILTER (WHERE sc.measure = 'Psfs') AS psfs_baseline,
                   max(sc.latest) FILTER (WHERE sc.measure = 'Psfs' AND sc.times > 1) AS psfs_final,
                   max(sc.baseline) FILTER (WHERE sc.measure = 'Odi') AS odi_baseline,
                   max(sc.latest) FILTER (WHERE sc.measure = 'Odi' AND sc.times > 1) AS odi_final,
                   -- A measure with a baseline scored again at the last signed visit.
                   bool_or(sc.times > 1 AND sc.latest_visit_id = ss.last_visit_id) AS rescored_at_last_visit
            FROM scored AS sc
            JOIN signed_summary AS ss ON ss.episode_id = sc.episode_id
            GROUP BY sc.episode_id
        ),
        causes AS (
            SELECT d.episode_id, array_agg(d.cause::text ORDER BY d.cause COLLATE "C") AS causes
            FROM (
                SELECT DISTINCT ON (d.episode_id, d.cause) d.episode_id, d.cause, d.verdict
                FROM ep
                JOIN cause_decisions AS d ON d.episode_id = ep.id
                ORDER BY d.episode_id, d.cause, d.decided_at DESC, d.id DESC
            ) AS d
            WHERE d.verdict = 'Confirmed'
            GROUP BY d.episode_id
        ),
        interventions AS (
            SELECT s.episode_id, array_agg(DISTINCT i.intervention_code::text COLLATE "C" ORDER BY i.intervention_code::text COLLATE "C") AS codes
            FROM signed AS s
            JOIN visit_treatments AS t ON t.visit_id = s.visit_id
            JOIN performed_interventions AS i ON i.treatment_id = t.id
            GROUP BY s.episode_id
        ),
        needling AS (
            SELECT s.episode_id,
                   count(*) AS sessions,
                   count(*) FILTER (WHERE ae.events > 0) AS with_events,
                   sum(ae.bruising) AS bruising, sum(ae.bleeding) AS bleeding, sum(ae.soreness) AS soreness,
                   sum(ae.fainting) AS fainting, sum(ae.other) AS other
            FROM signed AS s
            JOIN visit_treatments AS t ON t.visit_id = s.visit_id
            JOIN dry_needling_procedures AS d ON d.treatment_id = t.id
            CROSS JOIN LATERAL (
                SELECT count(*) AS events,
                       count(*) FILTER (WHERE x ->> 'kind' = 'Bruising') AS bruising,
                       count(*) FILTER (WHERE x ->> 'kind' = 'Bleeding') AS bleeding,
                       count(*) FILTER (WHERE x ->> 'kind' = 'PostNeedlingSoreness') AS soreness,
                       count(*) FILTER (WHERE x ->> 'kind' = 'Fainting') AS fainting,
                       count(*) FILTER (WHERE x ->> 'kind' = 'Other') AS other
                FROM jsonb_array_elements(CASE jsonb_typeof(d.adverse_events) WHEN 'array' THEN d.adverse_events ELSE '[]'::jsonb END) AS x
            ) AS ae
            GROUP BY s.episode_id
        ),
        present AS (
            SELECT s.episode_id, s.patient_id, s.time_zone, k.muscle_code, k.side, k.zone, min(s.starts_at) AS first_present_at
            FROM signed AS s
            JOIN visit_assessments AS a ON a.visit_id = s.visit_id
            JOIN knot_findings AS k ON k.assessment_id = a.id
            GROUP BY s.episode_id, s.patient_id, s.time_zone, k.muscle_code, k.side, k.zone
        ),
        -- The sites found absent at the episodes' signed visits, by episode. Materialized so that the
        -- join below is by episode and site: left to itself, the planner matched every absence of a
        -- site with every finding of that site across the clinic first (millions of rows for a clinic).
        absent AS MATERIALIZED (
            SELECT s.episode_id, s.starts_at, ka.muscle_code, ka.side, ka.zone
            FROM signed AS s
            JOIN visit_assessments AS a ON a.visit_id = s.visit_id
            JOIN knot_absences AS ka ON ka.assessment_id = a.id
        ),
        -- A site found at a signed visit of the episode and found absent at a later one: resolved,
        -- at the first such absence.
        resolved AS (
            SELECT p.episode_id, p.patient_id, p.time_zone, p.muscle_code, p.side, p.zone, min(x.starts_at) AS resolved_at
            FROM present AS p
            JOIN absent AS x ON x.episode_id = p.episode_id AND x.muscle_code = p.muscle_code AND x.side = p.side AND x.zone = p.zone
            WHERE x.starts_at > p.first_present_at
            GROUP BY p.episode_id, p.patient_id, p.time_zone, p.muscle_code, p.side, p.zone
        ),
        knots AS (
            SELECT r.episode_id,
                   count(*) AS resolved,
                   count(*) FILTER (WHERE EXISTS (
                       SELECT 1
                       FROM knot_findings AS k
                       JOIN visit_assessments AS a ON a.id = k.assessment_id
                       JOIN visit_notes AS n ON n.visit_id = a.visit_id
                       WHERE k.patient_id = r.patient_id AND k.muscle_code = r.muscle_code AND k.side = r.side AND k.zone = r.zone
                         AND k.visit_starts_at > r.resolved_at
                         -- A bound the index can use; the clinic dates below decide.
                         AND k.visit_starts_at < r.resolved_at + interval '{RecurrenceWindowDays + 2} days'
                         AND (k.visit_starts_at AT TIME ZONE r.time_zone)::date - (r.resolved_at AT TIME ZONE r.time_zone)::date <= {RecurrenceWindowDays}
                         AND n.status = 'Signed')) AS recurred
            FROM resolved AS r
            GROUP BY r.episode_id
        ),
        plans AS (
            SELECT DISTINCT ON (pl.episode_id) pl.episode_id, pl.recertification_due_on
            FROM ep
            JOIN plans_of_care AS pl ON pl.episode_id = ep.id
            WHERE pl.status = 'Signed'
            ORDER BY pl.episode_id, pl.number DESC
        ),
        derived AS (
            SELECT ep.id AS episode_id, ep.clinic_id, ep.patient_id, ep.therapist_id, ep.region, ep.status, ep.discharge_reason,
                   ep.opened_on, ep.discharged_on,
                   -- Whole years, as ClinicCalendar.AgeOn: a birthday not yet reached that year does not count.
                   (extract(year FROM ep.opened_on) - extract(year FROM ep.date_of_birth))::int
                     - CASE WHEN (extract(month FROM ep.opened_on), extract(day FROM ep.opened_on))
                                 < (extract(month FROM ep.date_of_birth), extract(day FROM ep.date_of_birth)) THEN 1 ELSE 0 END AS age_at_opening,
                   floor((ep.opened_on - ep.onset_date) / 7.0)::int AS weeks_since_onset,
                   COALESCE(b.booked, 0)::int AS visits_booked,
                   COALESCE(b.attended, 0)::int AS visits_attended,
                   COALESCE(b.no_show, 0)::int AS visits_no_show,
                   COALESCE(b.cancelled, 0)::int AS visits_cancelled,
                   COALESCE(ss.visits, 0)::int AS visits_signed,
                   (ss.evaluated_at AT TIME ZONE ep.time_zone)::date AS last_evaluated_on,
                   COALESCE(se.visits, 0)::int AS visits_since_evaluation,
                   pl.recertification_due_on,
                   sc.nprs_baseline, sc.nprs_final, sc.lefs_baseline, sc.lefs_final,
                   sc.psfs_baseline, sc.psfs_final, sc.odi_baseline, sc.odi_final,
                   (ep.status = 'Discharged' AND COALESCE(sc.rescored_at_last_visit, false)) AS discharge_outcome_recorded,
                   COALESCE(cz.causes, ARRAY[]::text[]) AS causes,
                   COALESCE(iv.codes, ARRAY[]::text[]) AS interventions,
                   COALESCE(dn.sessions, 0)::int AS dry_needling_sessions,
                   COALESCE(dn.with_events, 0)::int AS dry_needling_sessions_with_adverse_events,
                   COALESCE(dn.bruising, 0)::int AS adverse_bruising,
                   COALESCE(dn.bleeding, 0)::int AS adverse_bleeding,
                   COALESCE(dn.soreness, 0)::int AS adverse_soreness,
                   COALESCE(dn.fainting, 0)::int AS adverse_fainting,
                   COALESCE(dn.other, 0)::int AS adverse_other,
                   COALESCE(kn.resolved, 0)::int AS knot_sites_resolved,
                   COALESCE(kn.recurred, 0)::int AS knot_sites_recurred,
                   ep.discharged_on - ep.opened_on AS days_to_discharge,
                   @now AS refreshed_at
            FROM ep
            LEFT JOIN booked AS b ON b.episode_id = ep.id
            LEFT JOIN signed_summary AS ss ON ss.episode_id = ep.id
            LEFT JOIN since_evaluation AS se ON se.episode_id = ep.id
            LEFT JOIN scores AS sc ON sc.episode_id = ep.id
            LEFT JOIN causes AS cz ON cz.episode_id = ep.id
            LEFT JOIN interventions AS iv ON iv.episode_id = ep.id
            LEFT JOIN needling AS dn ON dn.episode_id = ep.id
            LEFT JOIN knots AS kn ON kn.episode_id = ep.id
            LEFT JOIN plans AS pl ON pl.episode_id = ep.id
        )
        """;

    /// <param name="clinicId">Null only for <see cref="RefreshInOwnClinics"/>.</param>
    public static NpgsqlCommand Command(string sql, Guid? clinicId, IReadOnlyCollection<Guid>? episodeIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var command = new NpgsqlCommand(sql)
        {
            Parameters = { new NpgsqlParameter<DateTimeOffset>("now", now.ToUniversalTime()) },
        };
        if (clinicId is { } clinic)
        {
            command.Parameters.Add(new NpgsqlParameter<Guid>("clinic_id", clinic));
        }

        if (episodeIds is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("episode_ids", [.. episodeIds]));
        }

        return command;
    }
}
