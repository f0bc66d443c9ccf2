using MudBlazor;

namespace PtClinic.Web.Components.Layout;

internal static class ClinicTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f6e6e",
            Secondary = "#c2553d",
            AppbarBackground = "#0f6e6e",
            Background = "#f6f8f8",
            DrawerBackground = "#ffffff",
        },
    };
}
