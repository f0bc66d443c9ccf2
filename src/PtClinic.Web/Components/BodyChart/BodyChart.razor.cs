using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Assessment;
using PtClinic.Domain.Episodes;

namespace PtClinic.Web.Components.BodyChart;

/// <summary>
/// Posterior view of the lower back, pelvis and legs. Every catalog muscle is drawn on both sides,
/// split into thirds of its length; each third is a button. Knots are drawn at the middle of their
/// third and their referred pain as hatched areas on the same side.
/// </summary>
public sealed partial class BodyChart
{
    private const double KnotSpacing = 18;

    private static readonly BodySide[] Sides = [BodySide.Left, BodySide.Right];

    private static readonly IReadOnlyDictionary<string, Muscle> CatalogByCode =
        MuscleCatalog.All.ToDictionary(m => m.Code, StringComparer.Ordinal);

    private static readonly IReadOnlyList<MuscleDrawing> Drawings = BuildDrawings();

    private static readonly IReadOnlyDictionary<BodyChartSite, ZoneDrawing> ZonesBySite =
        Drawings.SelectMany(d => d.Zones).ToDictionary(z => z.Site);

    private static readonly string SkinPath = SilhouettePath();

    /// <summary>Every third in the order the arrow keys walk: muscle by muscle, each from proximal to distal.</summary>
    private static readonly BodyChartSite[] ZoneOrder = [.. Drawings.SelectMany(d => d.Zones).Select(z => z.Site)];

    private readonly Dictionary<BodyChartSite, ElementReference> _zoneElements = [];

    /// <summary>The one third in the Tab order (a roving tab stop): the last one focused, else the selected or first one.</summary>
    private BodyChartSite? _active;

    // Unique per instance: a pattern or clip path referenced across two charts breaks when the first is hidden.
    private readonly string _id = $"bc-{Guid.NewGuid():N}"[..11];

    [Parameter]
    public IReadOnlyList<BodyChartKnot> Knots { get; set; } = [];

    /// <summary>Draws the findings only: the thirds are not buttons and no callback is raised.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public EventCallback<BodyChartSite> OnSiteSelected { get; set; }

    [Parameter]
    public EventCallback<BodyChartKnot> OnKnotSelected { get; set; }

    [Parameter]
    public BodyChartSite? SelectedSite { get; set; }

    /// <summary>Thirds filled with a colour of their own, with what it means added to their name (knot states).</summary>
    [Parameter]
    public IReadOnlyDictionary<BodyChartSite, (string Colour, string Meaning)>? ZoneMarks { get; set; }

    private string? ZoneStyle(BodyChartSite site) =>
        ZoneMarks?.TryGetValue(site, out var mark) == true ? $"fill:{mark.Colour};fill-opacity:0.85" : null;

    private string ZoneTitle(ZoneDrawing zone) =>
        ZoneMarks?.TryGetValue(zone.Site, out var mark) == true ? $"{zone.Label}: {mark.Meaning}" : zone.Label;

    /// <summary>How a site reads to a person, e.g. "Biceps femoris (long head), left, middle third".</summary>
    public static string Describe(BodyChartSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var name = CatalogByCode.TryGetValue(site.MuscleCode, out var muscle) ? muscle.Name : site.MuscleCode;
        return $"{name}, {SideWord(site.Side)}, {ZoneWord(site.Zone)} third";
    }

    private static string SideWord(BodySide side) => side switch
    {
        BodySide.Left => "left",
        BodySide.Right => "right",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "The body chart shows the left and the right side only."),
    };

    private static string ZoneWord(MuscleZone zone) => zone switch
    {
        MuscleZone.ProximalThird => "proximal",
        MuscleZone.MiddleThird => "middle",
        MuscleZone.DistalThird => "distal",
        _ => throw new ArgumentOutOfRangeException(nameof(zone), zone, null),
    };

    private static string ReferralWord(ReferredPainArea area) => area switch
    {
        ReferredPainArea.Buttock => "buttock",
        ReferredPainArea.PosteriorThigh => "back of the thigh",
        ReferredPainArea.LowerLeg => "calf",
        ReferredPainArea.LowerBack => "lower back",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };

    /// <summary>Captions sit in the top corner of their own side, clear of the body.</summary>
    private static string CaptionX(BodySide side) => side == BodySide.Left ? "8" : Format(BodyChartAnatomy.ViewWidth - 8);

    private static string KnotTitle(BodyChartKnot knot) =>
        $"Knot: {Describe(knot.Site)} — tenderness {knot.Tenderness}/10, {(knot.IsActive ? "active" : "latent")}";

    private static string DataSite(BodyChartSite site) => $"{site.MuscleCode}|{site.Side}|{site.Zone}";

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Tenderness 0–10 from pale amber to deep red; the number stays readable on both.</summary>
    private static (string Fill, string Text) TendernessColours(int tenderness)
    {
        var t = Math.Clamp(tenderness, 0, 10);
        var lightness = 64 - (3.4 * t);
        var fill = string.Create(CultureInfo.InvariantCulture, $"hsl({42 - (4.2 * t):0.#} 88% {lightness:0.#}%)");
        return (fill, lightness < 50 ? "#fff" : "#3b1d0f");
    }

    private BodyChartSite ActiveSite => _active ?? (SelectedSite is { } selected && ZonesBySite.ContainsKey(selected) ? selected : ZoneOrder[0]);

    private string HintId => $"{_id}-hint";

    private string SkinClipId => $"{_id}-skin";

    private string HatchId => $"{_id}-hatch";

    private string SheenId => $"{_id}-sheen";

    private string FadeId => $"{_id}-fade";

    private bool Interactive => !ReadOnly;

    private bool KnotsClickable => Interactive && OnKnotSelected.HasDelegate;

    private bool IsSelected(BodyChartSite site) => site == SelectedSite;

    /// <summary>The zone's own class (e.g. "bc-zone bc-zone--middle"), marked when it is the selected site.</summary>
    private string ZoneClass(string block, BodyChartSite site) =>
        $"{block} {block}--{ZoneWord(site.Zone)}{(IsSelected(site) ? $" {block}--selected" : null)}";

    private string KnotClass(BodyChartKnot knot) =>
        $"bc-knot bc-knot--{(knot.IsActive ? "active" : "latent")}{(KnotsClickable ? " bc-knot--clickable" : null)}";

    private Task SelectSiteAsync(BodyChartSite site) =>
        Interactive ? OnSiteSelected.InvokeAsync(site) : Task.CompletedTask;

    private async Task OnZoneKeyDownAsync(KeyboardEventArgs e, BodyChartSite site)
    {
        if (e.Key is "Enter" or " ")
        {
            await SelectSiteAsync(site);
            return;
        }

        var index = Array.IndexOf(ZoneOrder, site);
        BodyChartSite? next = e.Key switch
        {
            "ArrowDown" => ZoneOrder[Math.Min(index + 1, ZoneOrder.Length - 1)],
            "ArrowUp" => ZoneOrder[Math.Max(index - 1, 0)],
            "ArrowLeft" => site with { Side = BodySide.Left },
            "ArrowRight" => site with { Side = BodySide.Right },
            "Home" => ZoneOrder[0],
            "End" => ZoneOrder[^1],
            _ => null,
        };
        if (next is not null && next != site && _zoneElements.TryGetValue(next, out var element))
        {
            _active = next;
            await element.FocusAsync();
        }
    }

    private Task SelectKnotAsync(BodyChartKnot knot) =>
        KnotsClickable ? OnKnotSelected.InvokeAsync(knot) : Task.CompletedTask;

    /// <summary>Knots of the chart's sites with where to draw them; several in one third line up along the muscle.</summary>
    private IEnumerable<(BodyChartKnot Knot, ChartPoint At)> PlacedKnots() =>
        Knots.Where(k => ZonesBySite.ContainsKey(k.Site))
            .GroupBy(k => k.Site)
            .SelectMany(group =>
            {
                var zone = ZonesBySite[group.Key];
                var count = group.Count();
                return group.Select((knot, i) => (knot, zone.Centre + (zone.Direction * ((i - ((count - 1) / 2.0)) * KnotSpacing))));
            });

    /// <summary>Each referred-pain area once per side, however many knots refer there.</summary>
    private IEnumerable<(ReferredPainArea Area, BodySide Side)> Referrals() =>
        Knots.Where(k => ZonesBySite.ContainsKey(k.Site))
            .SelectMany(k => k.ReferredPain.Select(area => (Area: area, k.Site.Side)))
            .Distinct()
            .OrderBy(r => r.Side)
            .ThenBy(r => r.Area);

    private static IReadOnlyList<MuscleDrawing> BuildDrawings()
    {
        var missing = MuscleCatalog.All.Select(m => m.Code).Except(BodyChartAnatomy.Muscles.Select(s => s.Code)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The body chart has no drawing for: {string.Join(", ", missing)}.");
        }

        return
        [
            .. from side in Sides
               from shape in BodyChartAnatomy.Muscles
               where CatalogByCode.ContainsKey(shape.Code)
               select Draw(CatalogByCode[shape.Code], shape, side),
        ];
    }

    private static MuscleDrawing Draw(Muscle muscle, MuscleShape shape, BodySide side) => new(
        muscle,
        side,
        shape.IsDeep,
        [.. Muscle.Zones.Select((zone, i) => DrawZone(new BodyChartSite(muscle.Code, side, zone), shape, i / 3.0, (i + 1) / 3.0))],
        string.Concat(shape.Bellies.Select(b => b.PathBetween(0, 1, side))),
        [.. shape.Bellies.SelectMany(b => b.FibrePaths(side, BodyChartAnatomy.FibresPerBelly))]);

    /// <summary>The part of a muscle between two fractions of its length; for two heads, that part of each head.</summary>
    private static ZoneDrawing DrawZone(BodyChartSite site, MuscleShape shape, double from, double to)
    {
        ChartPoint CentreAt(double fraction) => Average(shape.Bellies.Select(b => b.CentreAt(fraction).OnSide(site.Side)));

        return new ZoneDrawing(
            site,
            Describe(site),
            string.Concat(shape.Bellies.Select(b => b.PathBetween(from, to, site.Side))),
            CentreAt((from + to) / 2),
            (CentreAt(to) - CentreAt(from)).Normalized);
    }

    private static ChartPoint Average(IEnumerable<ChartPoint> points)
    {
        var list = points.ToList();
        return new ChartPoint(list.Average(p => p.X), list.Average(p => p.Y));
    }

    private static string ContextPath(ContextShape shape, BodySide side) =>
        new SvgPath().Shape(shape.Outline.Select(c => c.OnSide(side))).ToString();

    /// <summary>The skin outline: the right half down the outside of the leg and up the inside, then the left half mirrored.</summary>
    private static string SilhouettePath()
    {
        var right = BodyChartAnatomy.Silhouette.Select(c => c.OnSide(BodySide.Right));
        var left = BodyChartAnatomy.Silhouette.Reverse().Select(c => c.OnSide(BodySide.Left).Reversed);
        return new SvgPath().Shape(right.Concat(left)).ToString();
    }
}
