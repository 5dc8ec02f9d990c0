using System.Globalization;
using Sluice.Punches.Treatment;

namespace Sluice.Punches.Espelho;

/// <summary>A contractual schedule as the Espelho states it (Art. 84 IV): "COM8 Comercial 8h: seg ter qua qui sex 08:00–12:00 13:00–17:00, jornada 8:00".</summary>
internal static class ScheduleText
{
    private static readonly string[] Days = ["seg", "ter", "qua", "qui", "sex", "sáb", "dom"];

    public static string Describe(Schedule schedule)
    {
        var name = schedule.Name == schedule.Code ? schedule.Code : $"{schedule.Code} {schedule.Name}";
        var days = string.Join(' ', schedule.WeekDays.Order().Select(d => Days[d - 1]));
        var pairs = string.Join(' ', schedule.Pairs.Select(p =>
            p.Entry.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + p.Exit.ToString("HH:mm", CultureInfo.InvariantCulture)));
        return $"{name}: {days} {pairs}, jornada {EspelhoText.Hours(schedule.DailyMinutes)}";
    }
}
