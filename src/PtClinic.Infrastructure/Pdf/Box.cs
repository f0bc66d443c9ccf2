using SkiaSharp;

namespace PtClinic.Infrastructure.Pdf;

/// <summary>
/// Content inside a padded, optionally filled and bordered rectangle, kept on one page. Content
/// taller than a page is laid out without the box, so it can split.
/// </summary>
public sealed class Box(Element content, float padding, SKColor background = default, SKColor border = default, float borderWidth = 1, float cornerRadius = 0) : Element
{
    public override void Lay(LayoutContext context, float width, List<Slice> slices)
    {
        var inner = content.LayWhole(context, width - 2 * padding);
        var height = inner.Height + 2 * padding;
        if (height > context.PageBodyHeight)
        {
            content.Lay(context, width, slices);
            return;
        }

        slices.Add(new Slice(height, 0, (draw, x, y) =>
        {
            var rect = SKRect.Create(x, y, width, height);
            if (background != default)
            {
                draw.Canvas.DrawRoundRect(rect, cornerRadius, cornerRadius, draw.Fill(background));
            }

            if (border != default)
            {
                rect.Inflate(-borderWidth / 2, -borderWidth / 2);
                draw.Canvas.DrawRoundRect(rect, cornerRadius, cornerRadius, draw.Stroke(border, borderWidth));
            }

            inner.Paint(draw, x + padding, y + padding);
        }));
    }
}

/// <summary>A horizontal line across the width.</summary>
public sealed class Rule(SKColor color, float thickness = 0.75f) : Element
{
    public override void Lay(LayoutContext context, float width, List<Slice> slices) =>
        slices.Add(new Slice(thickness, 0, (draw, x, y) =>
            draw.Canvas.DrawLine(x, y + thickness / 2, x + width, y + thickness / 2, draw.Stroke(color, thickness))));
}

/// <summary>An empty square to tick, centred in the width.</summary>
public sealed class TickBox(float size, SKColor color) : Element
{
    public override void Lay(LayoutContext context, float width, List<Slice> slices) =>
        slices.Add(new Slice(size, 0, (draw, x, y) =>
            draw.Canvas.DrawRoundRect(SKRect.Create(x + (width - size) / 2 + 0.5f, y + 0.5f, size - 1, size - 1), 1.5f, 1.5f, draw.Stroke(color, 1))));
}
