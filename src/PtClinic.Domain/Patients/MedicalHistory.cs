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

    /// <summary>The flags that are set, as a therapist would read them.</summary>
    public IReadOnlyList<string> Describe()
    {
        List<string> flags = [];
        if (AnticoagulantUse) flags.Add("Anticoagulant use");
        if (BleedingDisorder) flags.Add("Bleeding disorder");
        if (Pregnancy) flags.Add("Pregnancy");
        if (NeedlePhobia) flags.Add("Needle phobia");
        if (Raynauds) flags.Add("Raynaud's");
        if (ImpairedSensation) flags.Add("Impaired sensation");
        if (Lymphoedema) flags.Add("Lymphoedema");
        if (ActiveCancer) flags.Add("Active cancer");
        if (RecentSurgery) flags.Add("Recent surgery");
        if (DeepVeinThrombosisHistory) flags.Add("History of deep-vein thrombosis");
        if (MetalOrLatexAllergy) flags.Add("Metal / latex allergy");
        return flags;
    }
}
