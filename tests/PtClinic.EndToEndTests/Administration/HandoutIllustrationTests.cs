using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using PtClinic.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PtClinic.EndToEndTests.Administration;

/// <summary>
/// The admin replaces a home-program item's handout picture with one of the clinic's own, and goes
/// back to the drawing. The database is shared with the other browser tests: the test ends where
/// it started, with PtClinic's drawing.
/// </summary>
public sealed class HandoutIllustrationTests(WebAppFixture app)
{
    private const int Width = 300;
    private const int Height = 200;
    private const int DrawingWidth = 240;

    [Fact]
    public async Task The_admin_uploads_the_clinics_own_picture_of_an_item_sees_it_and_goes_back_to_the_drawing()
    {
        var admin = await app.SignedInPageAsync(DemoClinic.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Handout illustrations" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Handout illustrations", Level = 1 })).ToBeVisibleAsync();
        await WebAppFixture.WaitForInteractiveAsync(admin);

        var bridge = admin.Locator("[data-testid='illustration-item'][data-code='glute-bridge']");
        var picture = bridge.GetByRole(AriaRole.Img, new() { Name = "Illustration of Glute bridge" });
        // MudFileUpload adds an input after each choice and hides the ones before: the last is the live one.
        var file = bridge.Locator("input[type=file]").Last;
        await Expect(bridge.GetByTestId("illustration-source")).ToHaveTextAsync("Drawn for PtClinic");
        await Expect(picture).ToHaveAttributeAsync("src", "clinic/illustrations/glute-bridge?v=drawn");
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", DrawingWidth);

        // A program renamed to .png: refused next to the item, in words, and the drawing stays.
        var exe = new byte[2048];
        "MZ"u8.CopyTo(exe);
        await file.SetInputFilesAsync(new FilePayload { Name = "bridge.png", MimeType = "image/png", Buffer = exe });
        await Expect(bridge.GetByTestId("illustration-error"))
            .ToHaveTextAsync("This file is not a PNG, JPEG or SVG image. Choose the illustration as one of those.");
        await Expect(bridge.GetByTestId("illustration-source")).ToHaveTextAsync("Drawn for PtClinic");

        await file.SetInputFilesAsync(new FilePayload { Name = "bridge.png", MimeType = "image/png", Buffer = OwnPicture() });

        await Expect(bridge.GetByTestId("illustration-source")).ToHaveTextAsync("Custom");
        await Expect(bridge.GetByTestId("illustration-error")).ToHaveCountAsync(0);
        await Expect(bridge.GetByTestId("illustration-uploaded")).ToContainTextAsync($"Uploaded by {DemoClinic.Admin.FullName} on ");
        await Expect(picture).Not.ToHaveAttributeAsync("src", "clinic/illustrations/glute-bridge?v=drawn");
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", Width);
        var served = await admin.APIRequest.GetAsync("/" + await picture.GetAttributeAsync("src"));
        served.Headers["content-type"].ShouldBe("image/png");
        served.Headers["x-content-type-options"].ShouldBe("nosniff");
        served.Headers["content-security-policy"].ShouldBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        served.Headers["cache-control"].ShouldBe("private, max-age=86400");
        await WebAppFixture.ScreenshotAsync(admin, "admin-illustrations.png");

        await bridge.GetByRole(AriaRole.Button, new() { Name = "Use the drawing for Glute bridge" }).ClickAsync();

        await Expect(bridge.GetByTestId("illustration-source")).ToHaveTextAsync("Drawn for PtClinic");
        await Expect(bridge.GetByTestId("illustration-uploaded")).ToHaveCountAsync(0);
        await Expect(picture).ToHaveAttributeAsync("src", "clinic/illustrations/glute-bridge?v=drawn");
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", DrawingWidth);
    }

    /// <summary>The clinic's "photo" of the exercise: a 300×200 PNG (wider than the 240-wide drawing, so the test can tell them apart), a teal disc on white (built here, no file to keep).</summary>
    private static byte[] OwnPicture()
    {
        var rows = new byte[Height * (1 + Width * 3)];
        for (var y = 0; y < Height; y++)
        {
            var row = y * (1 + Width * 3);
            for (var x = 0; x < Width; x++)
            {
                var (dx, dy) = (x - Width / 2, y - Height / 2);
                var inside = dx * dx + dy * dy < 75 * 75;
                rows[row + 1 + x * 3] = inside ? (byte)0x0F : (byte)0xFF;
                rows[row + 2 + x * 3] = inside ? (byte)0x6E : (byte)0xFF;
                rows[row + 3 + x * 3] = inside ? (byte)0x6E : (byte)0xFF;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(rows);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per channel
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
