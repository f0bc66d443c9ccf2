using System.Text.Json;
using System.Text.Json.Serialization;

namespace PtClinic.Application.Features.Handouts;

/// <summary>
/// An issued handout's content as the JSON its version keeps: every value it printed, pictures
/// included, so the same handout can be drawn again (a reprint, or in a batch of the day's handouts).
/// </summary>
public static class HandoutSnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(HandoutContent content) => JsonSerializer.Serialize(content, Options);

    public static HandoutContent Deserialize(string snapshot) =>
        JsonSerializer.Deserialize<HandoutContent>(snapshot, Options)
        ?? throw new InvalidOperationException("A handout's snapshot is empty.");
}
