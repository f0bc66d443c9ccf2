namespace PtClinic.Infrastructure.Pdf;

/// <summary>Elements one under another, <paramref name="spacing"/> points apart; it splits between any of their slices.</summary>
public sealed class Column(float spacing, IEnumerable<Element?> children) : Element
{
    private readonly Element[] children = children.OfType<Element>().ToArray();

    public Column(float spacing, params Element?[] children)
        : this(spacing, (IEnumerable<Element?>)children)
    {
    }

    public override void Lay(LayoutContext context, float width, List<Slice> slices)
    {
        foreach (var child in children)
        {
            var first = slices.Count;
            child.Lay(context, width, slices);
            if (first > 0 && slices.Count > first)
            {
                slices[first] = slices[first].WithSpaceBefore(spacing);
            }
        }
    }
}

/// <summary>Keeps its content on one page, unless the content is taller than a page.</summary>
public sealed class KeepTogether(Element content) : Element
{
    public override void Lay(LayoutContext context, float width, List<Slice> slices)
    {
        var parts = new List<Slice>();
        content.Lay(context, width, parts);
        var whole = Slice.Stack(parts);
        if (whole.Height <= context.PageBodyHeight)
        {
            slices.Add(whole);
        }
        else
        {
            slices.AddRange(parts);
        }
    }
}

/// <summary>Empty space, e.g. above a section that should stand apart.</summary>
public sealed class Spacer(float height) : Element
{
    public override void Lay(LayoutContext context, float width, List<Slice> slices) =>
        slices.Add(new Slice(height, 0, static (_, _, _) => { }));
}
