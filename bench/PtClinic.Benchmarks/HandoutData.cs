using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PtClinic.Application.Features.Handouts;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Treatment;

namespace PtClinic.Benchmarks;

/// <summary>The typical handout the handout rows draw: six catalog home items, each with its own line drawing.</summary>
internal static class HandoutData
{
    public const int Items = 6;

    /// <summary>Paths in each illustration: a simple line drawing of a position and a movement.</summary>
    public const int PathsPerIllustration = 21;

    public static HandoutContent Typical()
    {
        string[] codes =
        [
            InterventionCatalog.HamstringStretchSupineStrap, InterventionCatalog.HamstringStretchSeated,
            InterventionCatalog.GluteBridge, InterventionCatalog.BallTriggerPointRelease,
            InterventionCatalog.HeatTherapy, InterventionCatalog.ColdTherapy,
        ];
        var items = codes.Select((code, i) =>
        {
            var d = InterventionCatalog.All.Single(x => x.Code == code);
            return new HandoutItem(code, d.Name, d.DefaultDose.Describe(),
                d.PatientWording.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                d.Precautions, i == 0 ? "Start on your good side; keep the knee soft, not locked." : null, Illustration(i));
        }).ToList();
        return new HandoutContent(
            new HandoutClinic("Lakeside Physiotherapy", "12 Harbour Road, Bristol BS1 4QA", "0117 496 0321", null),
            new HandoutPatient("Ellen Marsh", new DateOnly(1961, 3, 12)),
            "Sam Patel, PT",
            new DateOnly(2026, 12, 1),
            2,
            ["Walk the dog for 30 minutes without pain in the back of my thigh"],
            items,
            new HandoutSafety(
                ["Stop and call the clinic if your pain sharply increases.", "See a doctor if the pain persists despite the program."],
                ["Numbness between the legs or loss of bladder control", "A warm, swollen, tender calf"]),
            PaperSize.A4,
            false);
    }

    /// <summary>A figure on a mat drawn with a fixed number of strokes, different for each item (so each is parsed and cached on its own).</summary>
    private static HandoutImage Illustration(int seed)
    {
        var svg = new StringBuilder("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 180" width="240" height="180">""");
        for (var p = 0; p < PathsPerIllustration; p++)
        {
            var (x, y) = (20 + (p * 37 + seed * 11) % 200, 20 + (p * 53 + seed * 7) % 140);
            svg.Append(string.Create(CultureInfo.InvariantCulture,
                $"""<path d="M{x} {y} q{10 + p % 7 * 4} {-12 + p % 5 * 6} {24 + seed} {p % 3 * 5}" fill="none" stroke="#1f4e79" stroke-width="{2 + p % 3}" stroke-linecap="round"/>"""));
        }

        var data = Encoding.UTF8.GetBytes(svg.Append("</svg>").ToString());
        return new HandoutImage(Convert.ToHexStringLower(SHA256.HashData(data)), "image/svg+xml", data);
    }
}
