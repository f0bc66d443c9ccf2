using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Clinics;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(s => s.ClinicId).OnDelete(DeleteBehavior.Cascade);
        // The clean-up job looks for sessions that ran out.
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasIndex(s => s.LastActivityAt);
        builder.ToTable(t => t.HasComment(
            "Signed-in browsers: the cookie holds only the id, the encrypted sign-in stays here, so signing out (deleting the row) ends it everywhere."));
    }
}
