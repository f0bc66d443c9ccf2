using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace PtClinic.Application.Common.Abstractions;

/// <summary>What a failed save says about why, read from the database's own error code.</summary>
public static class DatabaseErrors
{
    /// <summary>SQLSTATE 23505: a unique index refused the row (someone else saved the same thing first).</summary>
    public const string UniqueViolation = "23505";

    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception?.InnerException is DbException { SqlState: UniqueViolation };
}
