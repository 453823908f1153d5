namespace Mediator.SourceGenerator.Model;

/// <summary>Combining lifetimes.</summary>
internal static class Lifetimes
{
    /// <summary>The shortest of <paramref name="lifetimes"/> (transient before scoped before singleton); singleton when there are none.</summary>
    public static ServiceLifetimeKind Shortest(IEnumerable<ServiceLifetimeKind> lifetimes)
        => (ServiceLifetimeKind)lifetimes.Select(l => (int)l).DefaultIfEmpty((int)ServiceLifetimeKind.Singleton).Max();
}
