using Microsoft.EntityFrameworkCore.Migrations;

namespace PtClinic.Migrations.Sql;

/// <summary>
/// Hand-written part of the ReferralReasonCodes migration, kept here so the migration itself can be
/// regenerated: its Up is this class's <see cref="AddAndBackfill"/>.
/// </summary>
public static class ReferralReasonCodesSql
{
    /// <summary>
    /// Gives every stored answer the codes of the sentences it stored, as the domain worded them
    /// when this migration was written. A sentence not listed gets no code: the answer then no
    /// longer covers that reason, and the therapist is asked again rather than silently answered.
    /// The table is append-only for the app; the trigger is lifted for this one update, by the owner.
    /// </summary>
    public const string Backfill = """
        ALTER TABLE referral_acknowledgements DISABLE TRIGGER referral_acknowledgements_are_append_only;

        UPDATE referral_acknowledgements AS r
        SET reason_codes = ARRAY(
            SELECT coded.code
            FROM (
                SELECT given.position,
                       CASE given.reason
                           WHEN 'red flag: numbness' THEN 'red-flag:numbness'
                           WHEN 'red flag: weakness' THEN 'red-flag:weakness'
                           WHEN 'red flag: night pain' THEN 'red-flag:night-pain'
                           WHEN 'red flag: fever' THEN 'red-flag:fever'
                           WHEN 'red flag: unexplained weight loss' THEN 'red-flag:unexplained-weight-loss'
                           WHEN 'red flag: bladder or bowel change' THEN 'red-flag:bladder-or-bowel-change'
                           WHEN 'red flag: calf swelling with warmth (possible deep-vein thrombosis)' THEN 'red-flag:calf-swelling-with-warmth'
                           ELSE CASE WHEN given.reason LIKE 'pain has not improved by % points (NPRS MCID) after % visits: %'
                                     THEN 'no-improvement' END
                       END AS code
                FROM unnest(r.reasons) WITH ORDINALITY AS given(reason, position)
            ) AS coded
            WHERE coded.code IS NOT NULL
            ORDER BY coded.position)
        WHERE r.reason_codes = '{}';

        ALTER TABLE referral_acknowledgements ENABLE TRIGGER referral_acknowledgements_are_append_only;
        """;

    public static void AddAndBackfill(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<List<string>>(
            name: "reason_codes",
            table: "referral_acknowledgements",
            type: "text[]",
            nullable: false,
            defaultValueSql: "'{}'");
        migrationBuilder.Sql(Backfill);

        // New rows always carry their codes; the default was only for the rows already there.
        migrationBuilder.Sql("ALTER TABLE referral_acknowledgements ALTER COLUMN reason_codes DROP DEFAULT;");
    }
}
