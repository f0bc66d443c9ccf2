using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PtClinic.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class InterventionCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_interventions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    performer = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    default_dose = table.Column<string>(type: "jsonb", nullable: false),
                    patient_wording = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    precautions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    contraindications = table.Column<string>(type: "jsonb", nullable: false),
                    billing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cpt_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_interventions", x => x.code);
                },
                comment: "The seeded intervention catalog (InterventionCatalog.All); clinics edit it through clinic_interventions.");

            migrationBuilder.CreateTable(
                name: "clinic_interventions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    clinic_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    replaces_seeded = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    performer = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    default_dose = table.Column<string>(type: "jsonb", nullable: false),
                    patient_wording = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    precautions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    contraindications = table.Column<string>(type: "jsonb", nullable: false),
                    billing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cpt_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    changed_by_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    changed_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_interventions", x => x.id);
                },
                comment: "A clinic's own exercises and its edits of seeded entries; retired, never deleted.");

            migrationBuilder.InsertData(
                table: "catalog_interventions",
                columns: new[] { "code", "billing", "category", "contraindications", "cpt_code", "default_dose", "name", "patient_wording", "performer", "precautions", "sort_order" },
                values: new object[,]
                {
                    { "aerobic-exercise", "NotBilled", "Exercise", "[]", null, "{\"minutesOn\":30,\"daysPerWeek\":5}", "Aerobic exercise", "Walk briskly, cycle or swim at a pace where you can talk but not sing.\nBuild up to 30 minutes on most days of the week.", "Home", "Start with what you can manage comfortably and add a few minutes each week.", 80 },
                    { "ball-trigger-point-release", "NotBilled", "TriggerPointRelease", "[{\"code\":\"SuspectedDeepVeinThrombosis\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"},{\"code\":\"LocalInfection\",\"severity\":\"Absolute\"},{\"code\":\"Anticoagulants\",\"severity\":\"Relative\"},{\"code\":\"BleedingDisorder\",\"severity\":\"Relative\"}]", null, "{\"sets\":3,\"holdSeconds\":30,\"timesPerDay\":1,\"daysPerWeek\":7}", "Trigger-point self-release with a ball", "Sit on a firm chair or lie on the floor with a small ball (a tennis or massage ball) under the knot.\nLet your weight sink onto it until you feel a strong but bearable ache, and hold for 5 to 30 seconds, until it softens.\nMove to the next tender spot. Breathe slowly throughout.", "Home", "Not on a warm, swollen calf, a bruise or broken skin. The ache should ease while you hold; if it gets sharper, stop.", 170 },
                    { "blood-flow-exercise", "Timed", "Exercise", "[]", "97110", "{\"sets\":2,\"reps\":15,\"timesPerDay\":3}", "Targeted blood-flow exercise", "Gently move the sore muscle through an easy range: for the hamstring, lie on your front and bend and straighten the knee slowly.\nLight, repeated movement brings fresh blood to the muscle and eases stiffness.", "Both", "Easy effort only; the movement should not hurt.", 70 },
                    { "cold-therapy", "Untimed", "HeatAndCold", "[{\"code\":\"Raynauds\",\"severity\":\"Absolute\"},{\"code\":\"ImpairedSensation\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"}]", "97010", "{\"minutesOn\":10,\"minutesOff\":15}", "Cold therapy", "Wrap an ice pack or a bag of frozen peas in a thin, damp towel.\nRest it on the sore area for 10 minutes, then take it off for 15 minutes.\nRepeat until the pain eases. Cold narrows the blood vessels and brings swelling down.", "Both", "Never put ice straight on the skin. Check the skin after each round; stop if it turns white, blotchy or numb.", 10 },
                    { "contrast-heat-cold", "Untimed", "HeatAndCold", "[{\"code\":\"Raynauds\",\"severity\":\"Absolute\"},{\"code\":\"ImpairedSensation\",\"severity\":\"Absolute\"},{\"code\":\"AcuteInflammation\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"}]", "97010", "{\"minutesOn\":3,\"minutesOff\":1,\"timesPerDay\":2}", "Alternating heat and cold", "Put heat on the area for 3 minutes, then cold for 1 minute.\nDo this 3 to 4 times, finishing with cold. Alternating heat and cold often works best of all.", "Both", "Follow the precautions of both heat and cold. Not over a fresh, swollen injury.", 30 },
                    { "deep-tissue-massage", "Timed", "Massage", "[{\"code\":\"SuspectedDeepVeinThrombosis\",\"severity\":\"Absolute\"},{\"code\":\"LocalInfection\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"},{\"code\":\"AcuteInflammation\",\"severity\":\"Absolute\"},{\"code\":\"Anticoagulants\",\"severity\":\"Relative\"},{\"code\":\"BleedingDisorder\",\"severity\":\"Relative\"},{\"code\":\"Pregnancy\",\"severity\":\"Relative\"}]", "97140", "{\"minutesOn\":15}", "Deep-tissue massage", "Slow, firm pressure into the deeper layers of the muscle to release long-standing tightness.", "Clinician", "A warm, swollen, tender calf is not a knot: do not press or rub it, and refer the patient the same day. Expect some soreness the next day; lighten the pressure with anticoagulants or a bleeding disorder.", 140 },
                    { "donkey-kick", "Timed", "Strengthening", "[]", "97110", "{\"sets\":3,\"reps\":10,\"timesPerDay\":1,\"daysPerWeek\":5}", "Donkey kick", "Kneel on all fours, hands under shoulders, knees under hips.\nKeeping the knee bent, lift one leg until the thigh is level with your back, sole facing the ceiling.\nLower slowly. Do all the repetitions, then swap sides.", "Both", "Keep your back flat and your stomach gently tight; do not swing the leg.", 250 },
                    { "dry-needling", "Untimed", "DryNeedling", "[{\"code\":\"Anticoagulants\",\"severity\":\"Absolute\"},{\"code\":\"BleedingDisorder\",\"severity\":\"Absolute\"},{\"code\":\"NeedlePhobia\",\"severity\":\"Absolute\"},{\"code\":\"Lymphoedema\",\"severity\":\"Absolute\"},{\"code\":\"LocalInfection\",\"severity\":\"Absolute\"},{\"code\":\"NoDryNeedlingConsent\",\"severity\":\"Absolute\"},{\"code\":\"NoDryNeedlingCredential\",\"severity\":\"Absolute\"},{\"code\":\"SuspectedDeepVeinThrombosis\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"},{\"code\":\"Pregnancy\",\"severity\":\"Relative\"}]", "20560", "{}", "Dry needling", "Thin, sterile, single-use needles are placed into the knot to release it. You may feel a twitch or a deep ache, and some soreness for a day or two.", "Clinician", "Only by a therapist with a current dry-needling credential, with the patient's documented consent. Record the sites, needles, lot number, responses and any adverse event.", 180 },
                    { "education-posture", "Timed", "Education", "[]", "97535", "{}", "Education: good posture", "Sit with your hips slightly higher than your knees and your feet flat; use a small cushion at the small of your back. Change position often.", "Clinician", "", 270 },
                    { "education-see-doctor", "NotBilled", "Education", "[]", null, "{}", "Education: see a doctor if the pain persists", "If the pain does not ease despite the program, or you notice numbness, weakness, fever, night pain, weight loss you cannot explain or a change in bladder or bowel control, see a doctor.", "Clinician", "", 300 },
                    { "education-warm-up", "Timed", "Education", "[]", "97535", "{}", "Education: warm up before exercise", "Before sport or a hard workout, spend 5 to 10 minutes warming up: easy jogging or cycling, then leg swings and gentle stretches.", "Clinician", "", 280 },
                    { "education-whole-foods", "NotBilled", "Education", "[]", null, "{}", "Education: whole foods instead of processed foods", "Choose whole foods (vegetables, fruit, whole grains, beans, fish) over processed foods, and drink enough water; it helps muscles recover.", "Clinician", "", 290 },
                    { "glute-bridge", "Timed", "Strengthening", "[]", "97110", "{\"sets\":3,\"reps\":10,\"timesPerDay\":1,\"daysPerWeek\":5}", "Glute bridge", "Lie on your back, knees bent, feet flat and hip-width apart.\nSqueeze your buttocks and lift your hips until your body is in a straight line from shoulders to knees.\nHold for 2 seconds, then lower slowly.", "Both", "Lift with the buttocks, not by arching the lower back. Stop if you feel cramping at the back of the thigh.", 240 },
                    { "hamstring-stretch-seated", "Timed", "Stretching", "[]", "97110", "{\"sets\":3,\"holdSeconds\":30,\"timesPerDay\":2,\"daysPerWeek\":7}", "Hamstring stretch, seated", "Sit on the front of a firm chair with one leg straight out, heel on the floor, toes up.\nKeep your back straight and lean forward from the hips until you feel a gentle pull behind the knee and thigh.\nHold for at least 30 seconds. Swap sides.", "Both", "Stretch to a gentle pull, never to pain: overdoing a stretch aggravates the injury. Keep the back straight rather than reaching for the toes.", 50 },
                    { "hamstring-stretch-standing", "NotBilled", "Stretching", "[]", null, "{\"sets\":3,\"holdSeconds\":30,\"timesPerDay\":2,\"daysPerWeek\":7}", "Hamstring stretch, standing with heel on a step", "Stand facing a low step and rest one heel on it, knee straight.\nHinge forward from the hips with a straight back until you feel a gentle pull.\nHold for at least 30 seconds. Swap sides. Hold on to something steady if you need to.", "Home", "Stretch to a gentle pull, never to pain: overdoing a stretch aggravates the injury.", 60 },
                    { "hamstring-stretch-supine-strap", "Timed", "Stretching", "[]", "97110", "{\"sets\":3,\"holdSeconds\":30,\"timesPerDay\":2,\"daysPerWeek\":7}", "Hamstring stretch, lying with a strap", "Lie on your back and loop a strap or towel around the sole of one foot.\nKeep the knee straight and lift the leg with the strap until you feel a gentle pull at the back of the thigh.\nHold for at least 30 seconds, breathing slowly, then lower the leg. Swap sides.", "Both", "Stretch to a gentle pull, never to pain: overdoing a stretch aggravates the injury.", 40 },
                    { "heat-therapy", "Untimed", "HeatAndCold", "[{\"code\":\"AcuteInflammation\",\"severity\":\"Absolute\"},{\"code\":\"ImpairedSensation\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"},{\"code\":\"SuspectedDeepVeinThrombosis\",\"severity\":\"Absolute\"}]", "97010", "{\"minutesOn\":15,\"timesPerDay\":2}", "Heat therapy", "Put a warm (not hot) heat pack or hot-water bottle in a cover on the stiff muscle for 15 minutes.\nHeat loosens a tight muscle and brings blood to it; it helps most before you stretch.", "Both", "Not on a fresh injury that is hot, red or swollen. Check the skin every few minutes; it should feel warm, never burn.", 20 },
                    { "load-management", "NotBilled", "Rest", "[]", null, "{}", "Load management", "Increase training by no more than about 10 % a week, and cut back for a while after a sudden jump in how much you train.", "Home", "", 230 },
                    { "movement-breaks", "NotBilled", "Exercise", "[]", null, "{\"minutesOn\":2,\"timesPerDay\":8}", "Movement breaks", "Stand up and move for 2 minutes every 30 to 60 minutes of sitting: walk, climb a flight of stairs or do a few leg swings.\nSet a reminder on your phone or computer.", "Home", "", 90 },
                    { "muscle-rub-camphor", "NotBilled", "MuscleRub", "[{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"},{\"code\":\"Pregnancy\",\"severity\":\"Relative\"}]", null, "{\"timesPerDay\":3}", "Muscle rub with camphor", "Rub a small amount into the sore area until absorbed. Wash your hands afterwards.", "Home", "Not on broken skin. Not for use during pregnancy without asking your doctor.", 210 },
                    { "muscle-rub-capsaicin", "NotBilled", "MuscleRub", "[{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"}]", null, "{\"timesPerDay\":3}", "Muscle rub with capsaicin", "Rub a thin layer into the sore area. It warms and may sting at first; this settles with regular use. Wash your hands well afterwards.", "Home", "Never on broken skin, and never with a heat pack. Keep it away from eyes and mouth.", 200 },
                    { "muscle-rub-menthol", "NotBilled", "MuscleRub", "[{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"}]", null, "{\"timesPerDay\":3}", "Muscle rub with menthol", "Rub a small amount into the sore area until absorbed. Wash your hands afterwards and keep it away from your eyes.", "Home", "Not on broken or irritated skin, and never under a heat pack.", 190 },
                    { "posture-correction", "Timed", "PostureCorrection", "[]", "97112", "{\"sets\":2,\"reps\":10,\"timesPerDay\":2,\"daysPerWeek\":5}", "Posture-correction exercises", "Sit or stand tall: ears over shoulders, shoulders over hips.\nGently tuck your chin and squeeze your shoulder blades together, hold for 5 seconds, then relax.\nTilt your pelvis slowly forward and back to find the middle, and keep it there.", "Both", "Small, controlled movements; stop if any movement brings on pain down the leg.", 110 },
                    { "rest", "NotBilled", "Rest", "[]", null, "{}", "Rest", "Give the muscle a break from the activity that strains it for a few days. Keep gently moving in daily life; rest does not mean staying in bed.", "Home", "", 220 },
                    { "reverse-plank", "Timed", "Strengthening", "[{\"code\":\"Pregnancy\",\"severity\":\"Relative\"}]", "97110", "{\"sets\":3,\"holdSeconds\":20,\"timesPerDay\":1,\"daysPerWeek\":3}", "Reverse plank", "Sit with your legs straight and your hands on the floor behind your hips, fingers pointing to your feet.\nPress through your hands and heels and lift your hips until your body is a straight line.\nHold, then lower slowly.", "Both", "Start with shorter holds. Not with a painful wrist or shoulder.", 260 },
                    { "self-massage", "NotBilled", "Massage", "[{\"code\":\"SuspectedDeepVeinThrombosis\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"},{\"code\":\"LocalInfection\",\"severity\":\"Absolute\"}]", null, "{\"minutesOn\":5,\"timesPerDay\":2}", "Self-massage", "Sit with the leg supported and knead the back of the thigh with both hands, working from the knee towards the buttock.\nUse firm but comfortable pressure for about 5 minutes.", "Home", "Not over broken skin, a bruise or a warm, swollen area.", 120 },
                    { "sports-massage", "Timed", "Massage", "[{\"code\":\"SuspectedDeepVeinThrombosis\",\"severity\":\"Absolute\"},{\"code\":\"LocalInfection\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"},{\"code\":\"AcuteInflammation\",\"severity\":\"Absolute\"}]", "97140", "{\"minutesOn\":15}", "Sports massage", "Brisk massage and stretching of the muscles used in your sport, before or after training.", "Clinician", "A warm, swollen, tender calf is not a knot: do not press or rub it, and refer the patient the same day.", 150 },
                    { "swedish-massage", "Timed", "Massage", "[{\"code\":\"SuspectedDeepVeinThrombosis\",\"severity\":\"Absolute\"},{\"code\":\"LocalInfection\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"}]", "97124", "{\"minutesOn\":15}", "Swedish massage", "Long, gliding strokes and gentle kneading to relax the muscle and ease guarding.", "Clinician", "A warm, swollen, tender calf is not a knot: do not press or rub it, and refer the patient the same day.", 130 },
                    { "trigger-point-release", "Timed", "TriggerPointRelease", "[{\"code\":\"SuspectedDeepVeinThrombosis\",\"severity\":\"Absolute\"},{\"code\":\"LocalInfection\",\"severity\":\"Absolute\"},{\"code\":\"BrokenSkin\",\"severity\":\"Absolute\"},{\"code\":\"Anticoagulants\",\"severity\":\"Relative\"},{\"code\":\"BleedingDisorder\",\"severity\":\"Relative\"}]", "97140", "{\"sets\":3,\"holdSeconds\":30}", "Trigger-point release", "Deep, direct pressure on the knot for 5 to 30 seconds, until it softens, repeated a few times.", "Clinician", "A warm, swollen, tender calf is not a knot: do not press or rub it, and refer the patient the same day. Ease off if the pain rises above a 7 out of 10.", 160 },
                    { "yoga-flexibility", "NotBilled", "Stretching", "[{\"code\":\"Pregnancy\",\"severity\":\"Relative\"}]", null, "{\"minutesOn\":20,\"daysPerWeek\":3}", "Yoga for flexibility", "Follow a gentle yoga session that includes forward folds and hip openers, such as downward dog and a seated forward bend.\nMove slowly and breathe steadily; never force a pose.", "Home", "Stretch to a gentle pull, never to pain: overdoing a stretch aggravates the injury.", 100 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_clinic_interventions_clinic_id_code",
                table: "clinic_interventions",
                columns: new[] { "clinic_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_interventions");

            migrationBuilder.DropTable(
                name: "clinic_interventions");
        }
    }
}
