using System.Text;
using SkiaSharp;
using Svg.Skia;

namespace PtClinic.Infrastructure.Pdf;

/// <summary>A picture parsed or decoded once, drawn into any number of documents at once.</summary>
public abstract class Picture
{
    public abstract SKSize Size { get; }

    public abstract void Draw(SKCanvas canvas, SKRect target);

    /// <summary>The picture in SVG, PNG or JPEG bytes; null when they cannot be read as one.</summary>
    public static Picture? Read(string mediaType, byte[] data)
    {
        try
        {
            return mediaType == "image/svg+xml" ? VectorPicture.Parse(data) : RasterPicture.Decode(data);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The bytes were checked by content when they were uploaded; a picture that still cannot
            // be read leaves an empty space rather than no handout.
            return null;
        }
    }

    private sealed class VectorPicture(SKSvg svg, SKPicture picture) : Picture
    {
        // The SKSvg owns the picture: it is kept alive with it.
        private readonly SKSvg owner = svg;

        public override SKSize Size => picture.CullRect.Size;

        public static VectorPicture? Parse(byte[] data)
        {
            var svg = SKSvg.CreateFromSvg(Encoding.UTF8.GetString(data));
            return svg.Picture is { CullRect.Width: > 0, CullRect.Height: > 0 } picture ? new VectorPicture(svg, picture) : null;
        }

        public override void Draw(SKCanvas canvas, SKRect target)
        {
            GC.KeepAlive(owner);
            var bounds = picture.CullRect;
            var matrix = SKMatrix.CreateScaleTranslation(
                target.Width / bounds.Width, target.Height / bounds.Height,
                target.Left - bounds.Left * target.Width / bounds.Width, target.Top - bounds.Top * target.Height / bounds.Height);
            canvas.DrawPicture(picture, in matrix);
        }
    }

    private sealed class RasterPicture(SKImage image) : Picture
    {
        private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

        public override SKSize Size => new(image.Width, image.Height);

        public static RasterPicture? Decode(byte[] data) =>
            SKImage.FromEncodedData(data) is { } image ? new RasterPicture(image) : null;

        public override void Draw(SKCanvas canvas, SKRect target) => canvas.DrawImage(image, target, Smooth);
    }
}

/// <summary>A picture fitted into at most <paramref name="maxWidth"/> by <paramref name="maxHeight"/> points, keeping its shape.</summary>
public sealed class Image(Picture? picture, float maxWidth, float maxHeight, TextAlign align = TextAlign.Left) : Element
{
    public override void Lay(LayoutContext context, float width, List<Slice> slices)
    {
        if (picture is null)
        {
            return;
        }

        var size = picture.Size;
        var scale = Math.Min(Math.Min(maxWidth, width) / size.Width, maxHeight / size.Height);
        var (w, h) = (size.Width * scale, size.Height * scale);
        var left = align switch
        {
            TextAlign.Center => (width - w) / 2,
            TextAlign.Right => width - w,
            _ => 0,
        };
        slices.Add(new Slice(h, 0, (draw, x, y) => picture.Draw(draw.Canvas, SKRect.Create(x + left, y, w, h))));
    }
}

/// <summary>
/// Pictures by the hash of their bytes, parsed once: a handout's illustrations are the same few
/// dozen for every patient. Bounded, the least recently used going first.
/// </summary>
public sealed class PictureCache(int capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Hash, Picture? Picture)>> byHash = [];
    private readonly LinkedList<(string Hash, Picture? Picture)> recent = [];

    public Picture? Get(string hash, string mediaType, byte[] data)
    {
        lock (gate)
        {
            if (byHash.TryGetValue(hash, out var node))
            {
                recent.Remove(node);
                recent.AddFirst(node);
                return node.Value.Picture;
            }
        }

        // Parsed outside the lock: two threads may parse the same picture once each, and keep one.
        var picture = Picture.Read(mediaType, data);
        lock (gate)
        {
            if (!byHash.ContainsKey(hash))
            {
                byHash[hash] = recent.AddFirst((hash, picture));
                if (byHash.Count > capacity)
                {
                    // Not disposed: a document being drawn on another thread may still hold it.
                    byHash.Remove(recent.Last!.Value.Hash);
                    recent.RemoveLast();
                }
            }
        }

        return picture;
    }
}
