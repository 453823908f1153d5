using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Mediator.SourceGenerator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Mediator.SourceGenerator.CodeFixes.Migration;

/// <summary>
/// MED0060: ports MediatR code to this library (see <see cref="MediatRPort"/> for each rewrite). Fix all rewrites each
/// document in one pass from its original semantic model, so that the rewrites, which depend on one another (the
/// using swap changes what every contract name binds to), never see a half-ported file; that is also what
/// <c>dotnet format analyzers --severity info --diagnostics MED0060</c> runs over a whole solution.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PortFromMediatRCodeFix))]
[Shared]
public sealed class PortFromMediatRCodeFix : CodeFixProvider
{
    private const string Title = "Port from MediatR";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.MediatRUsage.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) => await MediatRPort.PortAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => MediatRPort.PortAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    equivalenceKey: nameof(PortFromMediatRCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
