using System.Globalization;
using System.Text;
using Mediator;
using PtClinic.Domain.Staff;

namespace PtClinic.Application.Common.Security;

/// <summary>
/// The role × use-case table, generated from the <see cref="RequiresRoleAttribute"/> of every
/// command and query: the attributes are the one source, this is how it is read as a whole. The
/// "Who may do what" section of docs/security.md is <see cref="ToMarkdown"/>'s output, and a test
/// fails when the two differ.
/// </summary>
public static class AccessMatrix
{
    /// <summary>The columns: the four staff roles, then PtClinic's own background work.</summary>
    public static IReadOnlyList<string> Roles { get; } = [.. StaffRoles.All, StaffRoles.System];

    /// <summary>Every command and query of the application, by area then name.</summary>
    public static IReadOnlyList<Type> Messages { get; } = [.. typeof(AccessMatrix).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))
        .OrderBy(Area, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)];

    public static bool Allows(Type message, string role) => MessagePermissions.RequiredRoles(message).Contains(role);

    /// <summary>"PtClinic.Application.Features.Visits.SaveNoteDraftCommand" → "Visits".</summary>
    public static string Area(Type message) => message.Namespace?.Split('.')[^1] ?? "";

    /// <summary>"SaveNoteDraftCommand" → "SaveNoteDraft" (the use case, as its file is named).</summary>
    public static string UseCase(Type message) =>
        message.Name.EndsWith("Command", StringComparison.Ordinal) ? message.Name[..^"Command".Length]
        : message.Name.EndsWith("Query", StringComparison.Ordinal) ? message.Name[..^"Query".Length]
        : message.Name;

    /// <summary>The table as markdown: one row per use case, ✔ where the role may send it.</summary>
    public static string ToMarkdown()
    {
        var markdown = new StringBuilder();
        markdown.Append("| area | use case | kind |");
        foreach (var role in Roles)
        {
            markdown.Append(CultureInfo.InvariantCulture, $" {Heading(role)} |");
        }

        markdown.Append('\n').Append("| --- | --- | --- |");
        markdown.Append(string.Concat(Enumerable.Repeat(" :-: |", Roles.Count))).Append('\n');
        foreach (var message in Messages)
        {
            var kind = message.Name.EndsWith("Query", StringComparison.Ordinal) ? "read" : "write";
            markdown.Append(CultureInfo.InvariantCulture, $"| {Area(message)} | {UseCase(message)} | {kind} |");
            foreach (var role in Roles)
            {
                markdown.Append(Allows(message, role) ? " ✔ |" : " |");
            }

            markdown.Append('\n');
        }

        return markdown.ToString();
    }

    private static string Heading(string role) => role == StaffRoles.System ? "system (jobs)" : StaffRoles.DisplayName(role).ToLowerInvariant();
}
