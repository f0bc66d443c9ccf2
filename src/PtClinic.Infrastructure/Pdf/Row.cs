namespace PtClinic.Infrastructure.Pdf;

/// <summary>A part of a row: a fixed width in points, or a share of what is left.</summary>
public sealed record RowPart(Element Content, float? Width = null, float Share = 1)
{
    public static RowPart Fixed(float width, Element content) => new(content, width);

    public static RowPart Fill(Element content, float share = 1) => new(content, null, share);
}

/// <summary>
/// Elements side by side, tops aligned; the row goes onto a page whole. A row taller than a page
/// (a very long text beside a picture) is laid out as a column instead, so it can split.
/// </summary>
public sealed class Row(float spacing, params RowPart[] parts) : Element
{
    public override void Lay(LayoutContext context, float width, List<Slice> slices)
    {
        var widths = Widths(parts.Select(p => (p.Width, p.Share)).ToArray(), width, spacing);
        var cells = new Slice[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            cells[i] = parts[i].Content.LayWhole(context, widths[i]);
        }

        var height = cells.Length == 0 ? 0 : cells.Max(c => c.Height);
        if (height > context.PageBodyHeight)
        {
            new Column(spacing, parts.Select(p => p.Content)).Lay(context, width, slices);
            return;
        }

        var lefts = new float[parts.Length];
        for (var i = 1; i < parts.Length; i++)
        {
            lefts[i] = lefts[i - 1] + widths[i - 1] + spacing;
        }

        slices.Add(new Slice(height, 0, (draw, x, y) =>
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i].Paint(draw, x + lefts[i], y);
            }
        }));
    }

    /// <summary>Fixed widths as given; the rest of the width shared out.</summary>
    internal static float[] Widths(IReadOnlyList<(float? Width, float Share)> columns, float width, float spacing)
    {
        var fixedTotal = columns.Sum(c => c.Width ?? 0);
        var shares = columns.Sum(c => c.Width is null ? c.Share : 0);
        var left = Math.Max(0, width - fixedTotal - spacing * Math.Max(0, columns.Count - 1));
        return columns.Select(c => c.Width ?? (shares > 0 ? left * c.Share / shares : 0)).ToArray();
    }
}
