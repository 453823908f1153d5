using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// A message built on a private type through the containing type of a nested type (<c>Outer&lt;Hidden&gt;.Inner</c>):
/// generated code could not name it, so the handler gets MED0004 instead of a pipeline that fails to compile. The near
/// miss, the same shape over a public type, gets its pipeline.
/// </summary>
public sealed class NestedTypeAccessibilityTests
{
    private const string Source = Sources.Usings + """
        namespace App;
        public sealed class Outer<T> { public sealed class Inner { } }
        public sealed record Wrap<T>(T Value) : IRequest<int>;
        public class Host
        {
            VISIBILITY sealed class Hidden { }

            [Handler]
            internal sealed class WrapHandler : IRequestHandler<Wrap<Outer<Hidden>.Inner>, int>
            {
                ValueTask<int> IRequestHandler<Wrap<Outer<Hidden>.Inner>, int>.Handle(Wrap<Outer<Hidden>.Inner> request, CancellationToken cancellationToken) => new(1);
            }
        }
        """;

    [Fact]
    public void A_private_type_argument_of_a_containing_type_is_reported_not_written()
    {
        var hidden = GeneratorRun.For(Source.Replace("VISIBILITY", "private"));
        var visible = GeneratorRun.For(Source.Replace("VISIBILITY", "public"));

        Assert.Equal("MED0004", Assert.Single(hidden.GeneratorDiagnostics).Id);
        Assert.Empty(hidden.DiagnosticsInGeneratedCode);
        Assert.DoesNotContain(hidden.CompilationErrors, d => !d.Id.StartsWith("MED", StringComparison.Ordinal));
        Assert.Empty(visible.GeneratorDiagnostics);
        Assert.Empty(visible.CompilationErrors);
        Assert.Contains(visible.GeneratedSources, s => s.Text.Contains("global::App.Wrap<global::App.Outer<global::App.Host.Hidden>.Inner> request", StringComparison.Ordinal));
    }
}
