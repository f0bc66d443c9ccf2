using System.Security.Cryptography;
using System.Text;
using PtClinic.Application.Features.Handouts;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Treatment;

namespace PtClinic.UnitTests.Infrastructure.Pdf;

/// <summary>Realistic handouts: the catalog's home exercises and self-care with their wording, precautions and usual dose.</summary>
public static class HandoutSamples
{
    /// <summary>A simple line drawing standing in for the real illustrations: a figure and a mat.</summary>
    public static HandoutImage Illustration { get; } = Image("image/svg+xml", """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 180" width="240" height="180">
          <rect x="1" y="1" width="238" height="178" rx="10" fill="#f4f7fa" stroke="#9fb3c8" stroke-width="2"/>
          <line x1="20" y1="150" x2="220" y2="150" stroke="#5b7083" stroke-width="4" stroke-linecap="round"/>
          <circle cx="60" cy="118" r="14" fill="none" stroke="#1f4e79" stroke-width="5"/>
          <path d="M74 124 L140 132 L170 100 L200 140" fill="none" stroke="#1f4e79" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
          <path d="M110 128 L120 96" fill="none" stroke="#1f4e79" stroke-width="5" stroke-linecap="round"/>
          <path d="M150 70 q20 -20 40 0" fill="none" stroke="#d9822b" stroke-width="4" stroke-linecap="round"/>
        </svg>
        """);

    public static HandoutImage Logo { get; } = Image("image/svg+xml", """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
          <circle cx="32" cy="32" r="30" fill="#1f4e79"/>
          <path d="M20 34 L29 43 L45 22" fill="none" stroke="#ffffff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
        """);

    public static IReadOnlyList<InterventionDefinition> HomeItems { get; } = InterventionCatalog.All
        .Where(d => d.Performer != Performer.Clinician && d.PatientWording.Length > 0)
        .ToList();

    public static HandoutContent Program(
        int items = 6,
        bool largePrint = false,
        PaperSize paper = PaperSize.A4,
        string? note = null,
        string patient = "Ellen Marsh",
        bool allIllustrated = true) => new(
        new HandoutClinic("Lakeside Physiotherapy", "12 Harbour Road, Bristol BS1 4QA", "0117 496 0321", Logo),
        new HandoutPatient(patient, new DateOnly(1961, 3, 12)),
        "Sam Patel, PT",
        new DateOnly(2026, 12, 1),
        2,
        ["Walk the dog for 30 minutes without pain in the back of my thigh", "Play a full game of tennis again by spring"],
        Enumerable.Range(0, items).Select(i => Item(i, i == 0 ? note : null, allIllustrated || i % 2 == 0)).ToList(),
        new HandoutSafety(
            ["Stop and call the clinic if your pain sharply increases during or after an exercise.",
             "See a doctor if the pain persists despite the program, or keeps you awake at night."],
            ["Numbness or tingling in the groin or between the legs", "Loss of control of your bladder or bowels",
             "A warm, swollen, tender calf", "Fever with back pain, or weight loss you cannot explain"]),
        paper,
        largePrint);

    /// <summary>The i-th home item of the catalog; past the end of the catalog the names repeat with a number, so each is unique.</summary>
    public static HandoutItem Item(int i, string? note = null, bool illustrated = true)
    {
        var definition = HomeItems[i % HomeItems.Count];
        var round = i / HomeItems.Count;
        return new HandoutItem(
            definition.Code,
            round == 0 ? definition.Name : $"{definition.Name} ({round + 1})",
            definition.DefaultDose.Describe(),
            definition.PatientWording.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            definition.Precautions,
            note,
            illustrated ? Illustration : null);
    }

    private static HandoutImage Image(string mediaType, string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        return new HandoutImage(Convert.ToHexStringLower(SHA256.HashData(data)), mediaType, data);
    }
}
