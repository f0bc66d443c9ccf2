using SkiaSharp;

namespace PtClinic.Infrastructure.Pdf;

/// <summary>A column of a table: a fixed width in points, or a share of what is left.</summary>
public sealed record TableColumn(float? Width = null, float Share = 1);

public sealed record TableStyle(float CellPadding, SKColor Grid, SKColor HeaderBackground, SKColor StripeBackground = default);

/// <summary>
/// A grid of cells, vertically centred, with ruled lines. Each row is a slice, so a long table
/// splits between rows; the header row stays with the first row.
/// </summary>
public sealed class Table(
    IReadOnlyList<TableColumn> columns,
    IReadOnlyList<Element> header,
    IReadOnlyList<IReadOnlyList<Element>> rows,
    TableStyle style) : Element
{
    public override void Lay(LayoutContext context, float width, List<Slice> slices)
    {
        var widths = Row.Widths(columns.Select(c => (c.Width, c.Share)).ToArray(), width, 0);
        var headerRow = LayRow(context, header, widths, style.HeaderBackground);
        var body = rows.Select((cells, i) => LayRow(context, cells, widths, i % 2 == 1 ? style.StripeBackground : default)).ToList();
        slices.Add(body.Count == 0 ? headerRow : Slice.Stack([headerRow, body[0]]));
        slices.AddRange(body.Skip(1));
    }

    private Slice LayRow(LayoutContext context, IReadOnlyList<Element> cells, float[] widths, SKColor background)
    {
        var pad = style.CellPadding;
        var laid = cells.Select((cell, i) => cell.LayWhole(context, widths[i] - 2 * pad)).ToArray();
        var height = laid.Max(c => c.Height) + 2 * pad;
        return new Slice(height, 0, (draw, x, y) =>
        {
            var canvas = draw.Canvas;
            if (background != default)
            {
                canvas.DrawRect(x, y, widths.Sum(), height, draw.Fill(background));
            }

            var left = x;
            for (var i = 0; i < laid.Length; i++)
            {
                laid[i].Paint(draw, left + pad, y + (height - laid[i].Height) / 2);
                canvas.DrawRect(left, y, widths[i], height, draw.Stroke(style.Grid, 0.75f));
                left += widths[i];
            }
        });
    }
}
