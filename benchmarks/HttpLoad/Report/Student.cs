namespace HttpLoad;

/// <summary>Mean, sample standard deviation and the two-sided 95 % confidence interval of a mean (Student's t).</summary>
public readonly record struct MeanInterval(int N, double Mean, double Sd, double Low, double High)
{
    public static MeanInterval Of(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n == 0)
        {
            return new MeanInterval(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = values.Average();
        var sd = n > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1)) : double.NaN;
        var half = n > 1 ? Student.T975(n - 1) * sd / Math.Sqrt(n) : double.NaN;
        return new MeanInterval(n, mean, sd, mean - half, mean + half);
    }

    /// <summary>The larger distance of either bound from <paramref name="centre"/>.</summary>
    public double Spread(double centre = 1.0) => Math.Max(Math.Abs(Low - centre), Math.Abs(High - centre));
}

public static class Student
{
    // t(0.975, df) for df = 1..30 (standard tables); beyond, the values at 40, 60, 120 and the normal limit.
    private static readonly double[] Table =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static double T975(int degreesOfFreedom) => degreesOfFreedom switch
    {
        < 1 => double.NaN,
        <= 30 => Table[degreesOfFreedom - 1],
        <= 40 => 2.021,
        <= 60 => 2.000,
        <= 120 => 1.980,
        _ => 1.960,
    };
}
