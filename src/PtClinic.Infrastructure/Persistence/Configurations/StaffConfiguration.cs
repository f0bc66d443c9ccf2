using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PtClinic.Domain.Clinics;
using PtClinic.Domain.Staff;
using PtClinic.Infrastructure.Identity;

namespace PtClinic.Infrastructure.Persistence.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(s => s.ClinicId).OnDelete(DeleteBehavior.Restrict);
        // One staff member per sign-in, sharing its id: the account cannot be removed from under them.
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<StaffMember>(s => s.Id).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_staff_members_users_id");
        builder.Property(s => s.FullName).HasMaxLength(StaffMember.FullNameMaxLength);
        builder.Property(s => s.Email).HasMaxLength(StaffMember.EmailMaxLength);
        builder.Property(s => s.Role).HasMaxLength(StaffMember.RoleMaxLength);
        builder.Property(s => s.ProfessionalTitle).HasMaxLength(StaffMember.TitleMaxLength);
        builder.Property(s => s.LicenceNumber).HasMaxLength(StaffMember.LicenceNumberMaxLength);
        builder.ComplexProperty(s => s.DeactivatedBy, StaffRefColumns.Configure);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.IsActive);
        builder.HasIndex(s => new { s.ClinicId, s.FullName });

        builder.HasMany(s => s.Credentials).WithOne().HasForeignKey(c => c.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Credentials).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StaffCredentialConfiguration : IEntityTypeConfiguration<StaffCredential>
{
    public void Configure(EntityTypeBuilder<StaffCredential> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Issuer).HasMaxLength(StaffCredential.IssuerMaxLength);
        builder.Property(c => c.Number).HasMaxLength(StaffCredential.NumberMaxLength);
        builder.HasIndex(c => new { c.ClinicId, c.StaffMemberId });
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_staff_credentials_expiry_after_issue", "expires_on IS NULL OR expires_on >= issued_on"));
    }
}
