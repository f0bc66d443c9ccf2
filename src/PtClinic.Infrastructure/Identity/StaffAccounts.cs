using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Infrastructure.Identity;

/// <summary>
/// Keeps each staff member's Identity account in step with the aggregate. Identity's UserManager
/// saves through the same scoped context as the handlers, so a member and their account go to
/// the database in one explicit transaction: neither exists without the other.
/// </summary>
internal sealed class StaffAccounts(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : IStaffAccounts
{
    public const string EmailTaken = "Another staff account already uses this email. Each person signs in with their own.";

    public async Task<Result<string>> CreateAsync(StaffMember member, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(member.Email) is not null)
        {
            return Error.Validation(nameof(StaffMember.Email), EmailTaken);
        }

        var password = TemporaryPassword.Generate();
        var user = new ApplicationUser
        {
            Id = member.Id,
            UserName = member.Email,
            Email = member.Email,
            // The admin vouches for the address; nothing is mailed (yet).
            EmailConfirmed = true,
            FullName = member.FullName,
            ClinicId = member.ClinicId,
            MustChangePassword = true,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.StaffMembers.Add(member);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            db.Entry(member).State = EntityState.Detached;
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                return Error.Validation(nameof(StaffMember.Email), EmailTaken);
            }

            if (created.Errors.Any(e => e.Code is "InvalidEmail" or "InvalidUserName"))
            {
                return Error.Validation(nameof(StaffMember.Email), "Enter an email address such as name@clinic.org.");
            }

            Check(created, "create the account");
        }

        Check(await users.AddToRoleAsync(user, member.Role), "give the account its role");
        await transaction.CommitAsync(ct);
        return password;
    }

    public async Task SaveAsync(StaffMember member, bool endSessions, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The member first: its optimistic-concurrency check must surface as a conflict, and
        // Identity's store would turn it into a generic failure.
        await db.SaveChangesAsync(ct);

        var user = await FindAsync(member.Id);
        var roles = await users.GetRolesAsync(user);
        var roleChanged = roles.Count != 1 || roles[0] != member.Role;
        if (roleChanged)
        {
            Check(await users.RemoveFromRolesAsync(user, roles), "take the old role away");
            Check(await users.AddToRoleAsync(user, member.Role), "give the new role");
        }

        user.FullName = member.FullName;
        Check(
            endSessions || roleChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user),
            "update the account");
        await transaction.CommitAsync(ct);
    }

    public async Task<string> ResetPasswordAsync(Guid staffMemberId, CancellationToken ct)
    {
        var user = await FindAsync(staffMemberId);
        var password = TemporaryPassword.Generate();
        // Saved with the new password (and a new security stamp, which ends open sessions) in one update.
        user.MustChangePassword = true;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password), "set the temporary password");
        return password;
    }

    public async Task UnlockAsync(Guid staffMemberId, CancellationToken ct)
    {
        var user = await FindAsync(staffMemberId);
        if (await users.GetLockoutEnabledAsync(user))
        {
            Check(await users.SetLockoutEndDateAsync(user, null), "lift the lock-out");
        }

        Check(await users.ResetAccessFailedCountAsync(user), "reset the failed sign-ins");
    }

    public async Task<IReadOnlyDictionary<Guid, AccountStatus>> StatusesAsync(Guid clinicId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.ClinicId == clinicId)
            .Select(u => new { u.Id, u.LockoutEnd, u.MustChangePassword })
            .ToListAsync(ct);
        return accounts.ToDictionary(
            a => a.Id,
            a => new AccountStatus(a.LockoutEnd > now ? a.LockoutEnd : null, a.MustChangePassword));
    }

    private async Task<ApplicationUser> FindAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString())
        ?? throw new InvalidOperationException($"Staff member {id} has no sign-in account.");

    /// <summary>Anything but a taken email is a bug here (the temporary password meets the rules by construction).</summary>
    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
