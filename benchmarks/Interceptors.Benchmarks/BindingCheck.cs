using System.Reflection;

namespace InterceptorBenchmarks;

/// <summary>The benchmark's ISender and IMediator calls were bound: the generator wrote interceptors into this assembly.</summary>
internal static class BindingCheck
{
    public static void ThrowUnlessBound()
    {
        var bound = typeof(BindingCheck).Assembly.GetTypes()
            .Where(t => t.Namespace == "Mediator.Generated.Interceptors")
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Count(m => m.Name.StartsWith("Send", StringComparison.Ordinal));
        var publish = typeof(BindingCheck).Assembly.GetTypes()
            .Where(t => t.Namespace == "Mediator.Generated.Interceptors")
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Count(m => m.Name.StartsWith("Publish", StringComparison.Ordinal));
        if (bound < 2 || publish < 1)
        {
            throw new InvalidOperationException(
                $"Expected the interceptors of Ping0's and Ping5's ISender.Send calls and of Note's IMediator.Publish in this assembly, found {bound} and {publish}: is the generator's Roslyn 4.14 build referenced and Mediator.Generated.Interceptors in InterceptorsNamespaces?");
        }
    }
}
