using System.Text;
using Mediator.SourceGenerator.Emitting;
using Mediator.SourceGenerator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Mediator.SourceGenerator;

/// <summary>
/// The RabbitMQ route table of a project that references CompiledMediator.RabbitMQ: its own generator, so that the
/// mediator's outputs and this one never wait on each other, and a project without the transport pays one type lookup.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RabbitMqRouteGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Read from the assembly attributes of the compilation as last parsed: edits that change no declaration (a
        // method body) compare equal, so the table stays cached.
        var declarations = context.CompilationProvider.WithComparer(DeclarationEquivalence.Instance);
        var table = declarations
            .Select(static (c, ct) => RouteParser.Read(c, ct))
            .WithTrackingName(TrackingNames.RabbitMqRoutes);

        context.RegisterSourceOutput(table, static (output, routes) =>
        {
            // Written even when some routes are in error: the valid ones still work and AddCompiledRoutes() still compiles.
            if (routes.TransportReferenced)
            {
                output.AddSource(RouteEmitter.HintName, SourceText.From(RouteEmitter.Emit(routes), Encoding.UTF8));
            }
        });

        // Diagnostics through their own output. Their locations were taken in the compilation as last parsed; the current
        // one places them (a line moved above the attributes moves the squiggle, not the table).
        var diagnostics = table
            .Select(static (t, _) => t.Diagnostics)
            .Combine(declarations)
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(diagnostics, static (output, input) =>
        {
            foreach (var diagnostic in input.Left.Left)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic(input.Left.Right, input.Right));
            }
        });
    }
}
