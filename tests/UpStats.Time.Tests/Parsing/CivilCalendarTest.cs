using UpStats.Time.Parsing;

namespace UpStats.Time.Tests.Parsing;

/// <summary>The branch-free calendar arithmetic against NodaTime's ISO calendar, for every date of 0001–9999.</summary>
public class CivilCalendarTest
{
    [Fact]
    public void DaysFromCivil_EveryDate_CountsDaysFrom1970LikeNodaTime()
    {
        long expected = Period.Between(new LocalDate(1970, 1, 1), new LocalDate(1, 1, 1), PeriodUnits.Days).Days;
        int checkedDates = 0;
        for (int year = 1; year <= 9999; year++)
        {
            for (int month = 1; month <= 12; month++)
            {
                int days = CalendarSystem.Iso.GetDaysInMonth(year, month);
                Assert.Equal((uint)days, CivilCalendar.DaysInMonth((uint)year, (uint)month));
                for (int day = 1; day <= days; day++, expected++, checkedDates++)
                {
                    long actual = CivilCalendar.DaysFromCivil((uint)year, (uint)month, (uint)day);
                    if (actual != expected)
                    {
                        Assert.Fail($"{year:D4}-{month:D2}-{day:D2}: {actual}, expected {expected}");
                    }
                }
            }
            Assert.Equal(CalendarSystem.Iso.IsLeapYear(year), CivilCalendar.IsLeapYear((uint)year));
        }
        Assert.Equal(3_652_059, checkedDates);
        Assert.Equal(0, CivilCalendar.DaysFromCivil(1970, 1, 1));
    }

    [Fact]
    public void CivilFromDays_EveryDayNodaTimeRepresents_IsNodaTimesDate()
    {
        var date = LocalDate.MinIsoValue; // -9998-01-01
        int days = (int)Period.Between(new LocalDate(1970, 1, 1), date, PeriodUnits.Days).Days;
        int checkedDates = 0;
        for (; ; days++)
        {
            checkedDates++;
            CivilCalendar.CivilFromDays(days, out int year, out int month, out int day);
            if (year != date.Year || month != date.Month || day != date.Day)
            {
                Assert.Fail($"day {days}: {year}-{month}-{day}, expected {date:uuuu-MM-dd}");
            }
            if (date == LocalDate.MaxIsoValue)
            {
                break;
            }
            date = date.PlusDays(1);
        }
        Assert.Equal(7_304_119, checkedDates);
        Assert.Equal(2_932_896, days); // 9999-12-31
    }
}
