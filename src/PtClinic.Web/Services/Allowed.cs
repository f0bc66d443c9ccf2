using System.Reflection;
using Mediator;
using PtClinic.Application.Common.Security;
using PtClinic.Domain.Staff;

namespace PtClinic.Web.Services;

/// <summary>
/// Who may send a command or query, read from the message's own <see cref="RequiresRoleAttribute"/>:
/// a page offers an action only to the roles the pipeline will let through, from one source.
/// </summary>
public static class Allowed
{
    /// <summary>The roles, comma-separated, as AuthorizeView's Roles takes them.</summary>
    public static string ToSend<TMessage>()
        where TMessage : IMessage => Roles<TMessage>.Joined;

    private static class Roles<TMessage>
    {
        public static readonly string Joined = string.Join(",",
            typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>()?.Roles ?? StaffRoles.All);
    }
}
