using static PtClinic.Domain.Treatment.Contraindication;
using static PtClinic.Domain.Treatment.InterventionContraindication;

namespace PtClinic.Domain.Treatment;

/// <summary>
/// The interventions every clinic starts with: each treatment the product knows (DESIGN §2), with its
/// usual dose, the patient's instructions in our own words, precautions, coded contraindications and
/// billing. A migration seeds exactly this list (change it with a migration); clinics add their own
/// exercises beside it and retire the ones they do not use.
/// </summary>
public static class InterventionCatalog
{
    public const string ColdTherapy = "cold-therapy";
    public const string HeatTherapy = "heat-therapy";
    public const string ContrastHeatCold = "contrast-heat-cold";
    public const string HamstringStretchSupineStrap = "hamstring-stretch-supine-strap";
    public const string HamstringStretchSeated = "hamstring-stretch-seated";
    public const string HamstringStretchStanding = "hamstring-stretch-standing";
    public const string BloodFlowExercise = "blood-flow-exercise";
    public const string AerobicExercise = "aerobic-exercise";
    public const string MovementBreaks = "movement-breaks";
    public const string YogaFlexibility = "yoga-flexibility";
    public const string PostureCorrection = "posture-correction";
    public const string SelfMassage = "self-massage";
    public const string SwedishMassage = "swedish-massage";
    public const string DeepTissueMassage = "deep-tissue-massage";
    public const string SportsMassage = "sports-massage";
    public const string TriggerPointRelease = "trigger-point-release";
    public const string BallTriggerPointRelease = "ball-trigger-point-release";
    public const string DryNeedling = "dry-needling";
    public const string MuscleRubMenthol = "muscle-rub-menthol";
    public const string MuscleRubCapsaicin = "muscle-rub-capsaicin";
    public const string MuscleRubCamphor = "muscle-rub-camphor";
    public const string Rest = "rest";
    public const string LoadManagement = "load-management";
    public const string GluteBridge = "glute-bridge";
    public const string DonkeyKick = "donkey-kick";
    public const string ReversePlank = "reverse-plank";
    public const string EducationPosture = "education-posture";
    public const string EducationWarmUp = "education-warm-up";
    public const string EducationWholeFoods = "education-whole-foods";
    public const string EducationSeeDoctor = "education-see-doctor";

    private const string StretchWithinTolerance =
        "Stretch to a gentle pull, never to pain: overdoing a stretch aggravates the injury.";

    private const string DeepVeinWarning =
        "A warm, swollen, tender calf is not a knot: do not press or rub it, and refer the patient the same day.";

    public static IReadOnlyList<InterventionDefinition> All { get; } =
    [
        new(ColdTherapy, "Cold therapy", InterventionCategory.HeatAndCold, Performer.Both,
            new Dose { MinutesOn = 10, MinutesOff = 15 },
            """
            Wrap an ice pack or a bag of frozen peas in a thin, damp towel.
            Rest it on the sore area for 10 minutes, then take it off for 15 minutes.
            Repeat until the pain eases. Cold narrows the blood vessels and brings swelling down.
            """,
            "Never put ice straight on the skin. Check the skin after each round; stop if it turns white, blotchy or numb.",
            [Absolute(Raynauds), Absolute(ImpairedSensation), Absolute(BrokenSkin)],
            BillingKind.Untimed, "97010"),

        new(HeatTherapy, "Heat therapy", InterventionCategory.HeatAndCold, Performer.Both,
            new Dose { MinutesOn = 15, TimesPerDay = 2 },
            """
            Put a warm (not hot) heat pack or hot-water bottle in a cover on the stiff muscle for 15 minutes.
            Heat loosens a tight muscle and brings blood to it; it helps most before you stretch.
            """,
            "Not on a fresh injury that is hot, red or swollen. Check the skin every few minutes; it should feel warm, never burn.",
            [Absolute(AcuteInflammation), Absolute(ImpairedSensation), Absolute(BrokenSkin), Absolute(SuspectedDeepVeinThrombosis)],
            BillingKind.Untimed, "97010"),

        new(ContrastHeatCold, "Alternating heat and cold", InterventionCategory.HeatAndCold, Performer.Both,
            new Dose { MinutesOn = 3, MinutesOff = 1, TimesPerDay = 2 },
            """
            Put heat on the area for 3 minutes, then cold for 1 minute.
            Do this 3 to 4 times, finishing with cold. Alternating heat and cold often works best of all.
            """,
            "Follow the precautions of both heat and cold. Not over a fresh, swollen injury.",
            [Absolute(Raynauds), Absolute(ImpairedSensation), Absolute(AcuteInflammation), Absolute(BrokenSkin)],
            BillingKind.Untimed, "97010"),

        new(HamstringStretchSupineStrap, "Hamstring stretch, lying with a strap", InterventionCategory.Stretching, Performer.Both,
            new Dose { Sets = 3, HoldSeconds = 30, TimesPerDay = 2, DaysPerWeek = 7 },
            """
            Lie on your back and loop a strap or towel around the sole of one foot.
            Keep the knee straight and lift the leg with the strap until you feel a gentle pull at the back of the thigh.
            Hold for at least 30 seconds, breathing slowly, then lower the leg. Swap sides.
            """,
            StretchWithinTolerance,
            [],
            BillingKind.Timed, "97110"),

        new(HamstringStretchSeated, "Hamstring stretch, seated", InterventionCategory.Stretching, Performer.Both,
            new Dose { Sets = 3, HoldSeconds = 30, TimesPerDay = 2, DaysPerWeek = 7 },
            """
            Sit on the front of a firm chair with one leg straight out, heel on the floor, toes up.
            Keep your back straight and lean forward from the hips until you feel a gentle pull behind the knee and thigh.
            Hold for at least 30 seconds. Swap sides.
            """,
            StretchWithinTolerance + " Keep the back straight rather than reaching for the toes.",
            [],
            BillingKind.Timed, "97110"),

        new(HamstringStretchStanding, "Hamstring stretch, standing with heel on a step", InterventionCategory.Stretching, Performer.Home,
            new Dose { Sets = 3, HoldSeconds = 30, TimesPerDay = 2, DaysPerWeek = 7 },
            """
            Stand facing a low step and rest one heel on it, knee straight.
            Hinge forward from the hips with a straight back until you feel a gentle pull.
            Hold for at least 30 seconds. Swap sides. Hold on to something steady if you need to.
            """,
            StretchWithinTolerance,
            [],
            BillingKind.NotBilled, null),

        new(BloodFlowExercise, "Targeted blood-flow exercise", InterventionCategory.Exercise, Performer.Both,
            new Dose { Sets = 2, Reps = 15, TimesPerDay = 3 },
            """
            Gently move the sore muscle through an easy range: for the hamstring, lie on your front and bend and straighten the knee slowly.
            Light, repeated movement brings fresh blood to the muscle and eases stiffness.
            """,
            "Easy effort only; the movement should not hurt.",
            [],
            BillingKind.Timed, "97110"),

        new(AerobicExercise, "Aerobic exercise", InterventionCategory.Exercise, Performer.Home,
            new Dose { MinutesOn = 30, DaysPerWeek = 5 },
            """
            Walk briskly, cycle or swim at a pace where you can talk but not sing.
            Build up to 30 minutes on most days of the week.
            """,
            "Start with what you can manage comfortably and add a few minutes each week.",
            [],
            BillingKind.NotBilled, null),

        new(MovementBreaks, "Movement breaks", InterventionCategory.Exercise, Performer.Home,
            new Dose { MinutesOn = 2, TimesPerDay = 8 },
            """
            Stand up and move for 2 minutes every 30 to 60 minutes of sitting: walk, climb a flight of stairs or do a few leg swings.
            Set a reminder on your phone or computer.
            """,
            string.Empty,
            [],
            BillingKind.NotBilled, null),

        new(YogaFlexibility, "Yoga for flexibility", InterventionCategory.Stretching, Performer.Home,
            new Dose { MinutesOn = 20, DaysPerWeek = 3 },
            """
            Follow a gentle yoga session that includes forward folds and hip openers, such as downward dog and a seated forward bend.
            Move slowly and breathe steadily; never force a pose.
            """,
            StretchWithinTolerance,
            [Relative(Pregnancy)],
            BillingKind.NotBilled, null),

        new(PostureCorrection, "Posture-correction exercises", InterventionCategory.PostureCorrection, Performer.Both,
            new Dose { Sets = 2, Reps = 10, TimesPerDay = 2, DaysPerWeek = 5 },
            """
            Sit or stand tall: ears over shoulders, shoulders over hips.
            Gently tuck your chin and squeeze your shoulder blades together, hold for 5 seconds, then relax.
            Tilt your pelvis slowly forward and back to find the middle, and keep it there.
            """,
            "Small, controlled movements; stop if any movement brings on pain down the leg.",
            [],
            BillingKind.Timed, "97112"),

        new(SelfMassage, "Self-massage", InterventionCategory.Massage, Performer.Home,
            new Dose { MinutesOn = 5, TimesPerDay = 2 },
            """
            Sit with the leg supported and knead the back of the thigh with both hands, working from the knee towards the buttock.
            Use firm but comfortable pressure for about 5 minutes.
            """,
            "Not over broken skin, a bruise or a warm, swollen area.",
            [Absolute(SuspectedDeepVeinThrombosis), Absolute(BrokenSkin), Absolute(LocalInfection)],
            BillingKind.NotBilled, null),

        new(SwedishMassage, "Swedish massage", InterventionCategory.Massage, Performer.Clinician,
            new Dose { MinutesOn = 15 },
            "Long, gliding strokes and gentle kneading to relax the muscle and ease guarding.",
            DeepVeinWarning,
            [Absolute(SuspectedDeepVeinThrombosis), Absolute(LocalInfection), Absolute(BrokenSkin)],
            BillingKind.Timed, "97124"),

        new(DeepTissueMassage, "Deep-tissue massage", InterventionCategory.Massage, Performer.Clinician,
            new Dose { MinutesOn = 15 },
            "Slow, firm pressure into the deeper layers of the muscle to release long-standing tightness.",
            DeepVeinWarning + " Expect some soreness the next day; lighten the pressure with anticoagulants or a bleeding disorder.",
            [Absolute(SuspectedDeepVeinThrombosis), Absolute(LocalInfection), Absolute(BrokenSkin), Absolute(AcuteInflammation),
                Relative(Anticoagulants), Relative(BleedingDisorder), Relative(Pregnancy)],
            BillingKind.Timed, "97140"),

        new(SportsMassage, "Sports massage", InterventionCategory.Massage, Performer.Clinician,
            new Dose { MinutesOn = 15 },
            "Brisk massage and stretching of the muscles used in your sport, before or after training.",
            DeepVeinWarning,
            [Absolute(SuspectedDeepVeinThrombosis), Absolute(LocalInfection), Absolute(BrokenSkin), Absolute(AcuteInflammation)],
            BillingKind.Timed, "97140"),

        new(TriggerPointRelease, "Trigger-point release", InterventionCategory.TriggerPointRelease, Performer.Clinician,
            new Dose { HoldSeconds = 30, Sets = 3 },
            "Deep, direct pressure on the knot for 5 to 30 seconds, until it softens, repeated a few times.",
            DeepVeinWarning + " Ease off if the pain rises above a 7 out of 10.",
            [Absolute(SuspectedDeepVeinThrombosis), Absolute(LocalInfection), Absolute(BrokenSkin),
                Relative(Anticoagulants), Relative(BleedingDisorder)],
            BillingKind.Timed, "97140"),

        new(BallTriggerPointRelease, "Trigger-point self-release with a ball", InterventionCategory.TriggerPointRelease, Performer.Home,
            new Dose { HoldSeconds = 30, Sets = 3, TimesPerDay = 1, DaysPerWeek = 7 },
            """
            Sit on a firm chair or lie on the floor with a small ball (a tennis or massage ball) under the knot.
            Let your weight sink onto it until you feel a strong but bearable ache, and hold for 5 to 30 seconds, until it softens.
            Move to the next tender spot. Breathe slowly throughout.
            """,
            "Not on a warm, swollen calf, a bruise or broken skin. The ache should ease while you hold; if it gets sharper, stop.",
            [Absolute(SuspectedDeepVeinThrombosis), Absolute(BrokenSkin), Absolute(LocalInfection), Relative(Anticoagulants), Relative(BleedingDisorder)],
            BillingKind.NotBilled, null),

        new(DryNeedling, "Dry needling", InterventionCategory.DryNeedling, Performer.Clinician,
            Dose.None,
            "Thin, sterile, single-use needles are placed into the knot to release it. You may feel a twitch or a deep ache, and some soreness for a day or two.",
            "Only by a therapist with a current dry-needling credential, with the patient's documented consent. Record the sites, needles, lot number, responses and any adverse event.",
            [Absolute(Anticoagulants), Absolute(BleedingDisorder), Absolute(NeedlePhobia), Absolute(Lymphoedema),
                Absolute(LocalInfection), Absolute(NoDryNeedlingConsent), Absolute(NoDryNeedlingCredential),
                Absolute(SuspectedDeepVeinThrombosis), Absolute(BrokenSkin), Relative(Pregnancy)],
            BillingKind.Untimed, "20560"),

        new(MuscleRubMenthol, "Muscle rub with menthol", InterventionCategory.MuscleRub, Performer.Home,
            new Dose { TimesPerDay = 3 },
            "Rub a small amount into the sore area until absorbed. Wash your hands afterwards and keep it away from your eyes.",
            "Not on broken or irritated skin, and never under a heat pack.",
            [Absolute(BrokenSkin)],
            BillingKind.NotBilled, null),

        new(MuscleRubCapsaicin, "Muscle rub with capsaicin", InterventionCategory.MuscleRub, Performer.Home,
            new Dose { TimesPerDay = 3 },
            "Rub a thin layer into the sore area. It warms and may sting at first; this settles with regular use. Wash your hands well afterwards.",
            "Never on broken skin, and never with a heat pack. Keep it away from eyes and mouth.",
            [Absolute(BrokenSkin)],
            BillingKind.NotBilled, null),

        new(MuscleRubCamphor, "Muscle rub with camphor", InterventionCategory.MuscleRub, Performer.Home,
            new Dose { TimesPerDay = 3 },
            "Rub a small amount into the sore area until absorbed. Wash your hands afterwards.",
            "Not on broken skin. Not for use during pregnancy without asking your doctor.",
            [Absolute(BrokenSkin), Relative(Pregnancy)],
            BillingKind.NotBilled, null),

        new(Rest, "Rest", InterventionCategory.Rest, Performer.Home,
            Dose.None,
            "Give the muscle a break from the activity that strains it for a few days. Keep gently moving in daily life; rest does not mean staying in bed.",
            string.Empty,
            [],
            BillingKind.NotBilled, null),

        new(LoadManagement, "Load management", InterventionCategory.Rest, Performer.Home,
            Dose.None,
            "Increase training by no more than about 10 % a week, and cut back for a while after a sudden jump in how much you train.",
            string.Empty,
            [],
            BillingKind.NotBilled, null),

        new(GluteBridge, "Glute bridge", InterventionCategory.Strengthening, Performer.Both,
            new Dose { Sets = 3, Reps = 10, TimesPerDay = 1, DaysPerWeek = 5 },
            """
            Lie on your back, knees bent, feet flat and hip-width apart.
            Squeeze your buttocks and lift your hips until your body is in a straight line from shoulders to knees.
            Hold for 2 seconds, then lower slowly.
            """,
            "Lift with the buttocks, not by arching the lower back. Stop if you feel cramping at the back of the thigh.",
            [],
            BillingKind.Timed, "97110"),

        new(DonkeyKick, "Donkey kick", InterventionCategory.Strengthening, Performer.Both,
            new Dose { Sets = 3, Reps = 10, TimesPerDay = 1, DaysPerWeek = 5 },
            """
            Kneel on all fours, hands under shoulders, knees under hips.
            Keeping the knee bent, lift one leg until the thigh is level with your back, sole facing the ceiling.
            Lower slowly. Do all the repetitions, then swap sides.
            """,
            "Keep your back flat and your stomach gently tight; do not swing the leg.",
            [],
            BillingKind.Timed, "97110"),

        new(ReversePlank, "Reverse plank", InterventionCategory.Strengthening, Performer.Both,
            new Dose { Sets = 3, HoldSeconds = 20, TimesPerDay = 1, DaysPerWeek = 3 },
            """
            Sit with your legs straight and your hands on the floor behind your hips, fingers pointing to your feet.
            Press through your hands and heels and lift your hips until your body is a straight line.
            Hold, then lower slowly.
            """,
            "Start with shorter holds. Not with a painful wrist or shoulder.",
            [Relative(Pregnancy)],
            BillingKind.Timed, "97110"),

        new(EducationPosture, "Education: good posture", InterventionCategory.Education, Performer.Clinician,
            Dose.None,
            "Sit with your hips slightly higher than your knees and your feet flat; use a small cushion at the small of your back. Change position often.",
            string.Empty,
            [],
            BillingKind.Timed, "97535"),

        new(EducationWarmUp, "Education: warm up before exercise", InterventionCategory.Education, Performer.Clinician,
            Dose.None,
            "Before sport or a hard workout, spend 5 to 10 minutes warming up: easy jogging or cycling, then leg swings and gentle stretches.",
            string.Empty,
            [],
            BillingKind.Timed, "97535"),

        new(EducationWholeFoods, "Education: whole foods instead of processed foods", InterventionCategory.Education, Performer.Clinician,
            Dose.None,
            "Choose whole foods (vegetables, fruit, whole grains, beans, fish) over processed foods, and drink enough water; it helps muscles recover.",
            string.Empty,
            [],
            BillingKind.NotBilled, null),

        new(EducationSeeDoctor, "Education: see a doctor if the pain persists", InterventionCategory.Education, Performer.Clinician,
            Dose.None,
            "If the pain does not ease despite the program, or you notice numbness, weakness, fever, night pain, weight loss you cannot explain or a change in bladder or bowel control, see a doctor.",
            string.Empty,
            [],
            BillingKind.NotBilled, null),
    ];

    public static InterventionDefinition? Find(string code) => All.FirstOrDefault(i => i.Code == code);
}
