namespace PtClinic.Domain.Patients;

/// <summary>
/// The medical-history flags the safety rules read (dry needling, heat, cold, pressure). Each is a
/// yes/no the therapist confirms at intake; absent means "not reported".
/// </summary>
public sealed record MedicalHistory
{
    public static MedicalHistory None { get; } = new();

    public bool AnticoagulantUse { get; init; }

    public bool BleedingDisorder { get; init; }

    public bool Pregnancy { get; init; }

    public bool NeedlePhobia { get; init; }

    public bool Raynauds { get; init; }

    public bool ImpairedSensation { get; init; }

    public bool Lymphoedema { get; init; }

    public bool ActiveCancer { get; init; }

    public bool RecentSurgery { get; init; }

    public bool DeepVeinThrombosisHistory { get; init; }

    public bool MetalOrLatexAllergy { get; init; }

    /// <summary>
    /// Every flag with the words a therapist reads it by: the one place the patient form, the chart,
    /// the note's safety banner and the Today list take them from.
    /// </summary>
    public static IReadOnlyList<MedicalHistoryFlag> Flags { get; } =
    [
        new("Anticoagulant use", h => h.AnticoagulantUse, (h, v) => h with { AnticoagulantUse = v }),
        new("Bleeding disorder", h => h.BleedingDisorder, (h, v) => h with { BleedingDisorder = v }),
        new("Pregnancy", h => h.Pregnancy, (h, v) => h with { Pregnancy = v }),
        new("Needle phobia", h => h.NeedlePhobia, (h, v) => h with { NeedlePhobia = v }),
        new("Raynaud's", h => h.Raynauds, (h, v) => h with { Raynauds = v }),
        new("Impaired sensation", h => h.ImpairedSensation, (h, v) => h with { ImpairedSensation = v }),
        new("Lymphoedema", h => h.Lymphoedema, (h, v) => h with { Lymphoedema = v }),
        new("Active cancer", h => h.ActiveCancer, (h, v) => h with { ActiveCancer = v }),
        new("Recent surgery", h => h.RecentSurgery, (h, v) => h with { RecentSurgery = v }),
        new("History of deep-vein thrombosis", h => h.DeepVeinThrombosisHistory, (h, v) => h with { DeepVeinThrombosisHistory = v }),
        new("Metal / latex allergy", h => h.MetalOrLatexAllergy, (h, v) => h with { MetalOrLatexAllergy = v }),
    ];

    /// <summary>The flags that are set, as a therapist would read them.</summary>
    public IReadOnlyList<string> Describe() => [.. Flags.Where(f => f.IsSet(this)).Select(f => f.Label)];
}

/// <summary>One medical-history flag: its wording, and how to read and set it.</summary>
public sealed record MedicalHistoryFlag(string Label, Func<MedicalHistory, bool> IsSet, Func<MedicalHistory, bool, MedicalHistory> Set);
