using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Middleware contracts that look inside a type form: <c>TValue?</c> binds the value type of a nullable response,
/// <c>(TFirst, TSecond)</c> the elements of a pair, whatever their names, and <c>where TSecond : struct</c> is judged on
/// the element bound. Compiled and run: each middleware wraps exactly the requests whose response has its shape (the
/// near misses, <c>int</c>, a triple and a pair whose second element is a string, are left alone).
/// </summary>
public sealed class TypeFormMatchingTests
{
    [Fact]
    public async Task Contracts_over_nullable_value_types_and_tuples_bind_their_parts()
    {
        var source = Sources.Usings + """
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;

            public static class Seen { public static List<string> Lines { get; } = new(); }
            public sealed class Outer<T> { public readonly record struct S(int X); }

            [Middleware]
            public sealed class Nullables<TRequest, TValue> : IRequestMiddleware<TRequest, TValue?>
                where TValue : struct
            {
                public ValueTask<TValue?> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TValue?>
                {
                    Seen.Lines.Add("nullable of " + typeof(TValue).Name + " for " + typeof(TRequest).Name);
                    return next.InvokeAsync(request, context);
                }
            }

            [Middleware]
            public sealed class Pairs<TRequest, TFirst, TSecond> : IRequestMiddleware<TRequest, (TFirst, TSecond)>
            {
                public ValueTask<(TFirst, TSecond)> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, (TFirst, TSecond)>
                {
                    Seen.Lines.Add("pair of " + typeof(TFirst).Name + " and " + typeof(TSecond).Name + " for " + typeof(TRequest).Name);
                    return next.InvokeAsync(request, context);
                }
            }

            // 'struct' judged on a part of the response: wraps F's (string, int), not D's (int Id, string Name).
            [Middleware]
            public sealed class ValueSeconds<TRequest, TFirst, TSecond> : IRequestMiddleware<TRequest, (TFirst, TSecond)>
                where TSecond : struct
            {
                public ValueTask<(TFirst, TSecond)> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, (TFirst, TSecond)>
                {
                    Seen.Lines.Add("value second for " + typeof(TRequest).Name);
                    return next.InvokeAsync(request, context);
                }
            }

            public sealed class A : IRequest<int?> { }
            public sealed class F : IRequest<(string, int)> { }
            [Handler] public sealed class FH : IRequestHandler<F, (string, int)> { public ValueTask<(string, int)> Handle(F request, CancellationToken cancellationToken) => new(("six", 6)); }
            public sealed class B : IRequest<Outer<int>.S?> { }
            public sealed class C : IRequest<int> { }
            public sealed class D : IRequest<(int Id, string Name)> { }
            public sealed class E : IRequest<(int, string, bool)> { }
            [Handler] public sealed class AH : IRequestHandler<A, int?> { public ValueTask<int?> Handle(A request, CancellationToken cancellationToken) => new(1); }
            [Handler] public sealed class BH : IRequestHandler<B, Outer<int>.S?> { public ValueTask<Outer<int>.S?> Handle(B request, CancellationToken cancellationToken) => new(new Outer<int>.S(2)); }
            [Handler] public sealed class CH : IRequestHandler<C, int> { public ValueTask<int> Handle(C request, CancellationToken cancellationToken) => new(3); }
            [Handler] public sealed class DH : IRequestHandler<D, (int Id, string Name)> { public ValueTask<(int Id, string Name)> Handle(D request, CancellationToken cancellationToken) => new((4, "four")); }
            [Handler] public sealed class EH : IRequestHandler<E, (int, string, bool)> { public ValueTask<(int, string, bool)> Handle(E request, CancellationToken cancellationToken) => new((5, "five", true)); }

            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    var mediator = provider.GetRequiredService<TestApp.Mediator>();
                    var answers = $"{await mediator.Send(new A())} {(await mediator.Send(new B()))?.X} {await mediator.Send(new C())} {(await mediator.Send(new D())).Name} {(await mediator.Send(new E())).Item3} {(await mediator.Send(new F())).Item2}";
                    return answers + " | " + string.Join(" | ", Seen.Lines);
                }
            }
            """;

        var run = GeneratorRun.For(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        Assert.Equal(
            "1 2 3 four True 6 | nullable of Int32 for A | nullable of S for B | pair of Int32 and String for D | pair of String and Int32 for F | value second for F",
            await CompiledApp.RunAsync(run));
    }
}
