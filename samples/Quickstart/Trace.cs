namespace Quickstart;

/// <summary>Prints what ran, indented by nothing but the order it ran in.</summary>
public static class Trace
{
    public static void Write(string line) => Console.WriteLine("  " + line);
}
