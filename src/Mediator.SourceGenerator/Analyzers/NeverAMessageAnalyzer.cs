using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// MED0058: <c>Send(object)</c>, <c>CreateStream(object)</c> or <c>Publish(object)</c> given a value whose static type can
/// never be a message: a struct, enum, array, delegate or sealed class that implements no message contract
/// (<c>sender.Send(42)</c>, <c>Publish(json)</c> with a <c>string</c>). Before the object overloads these did not compile
/// (CS1503); now they bind to them and would throw <c>NotAMessageException</c> on every call. Not reported: <c>object</c>,
/// interfaces, type parameters and classes that are not sealed (a value of them may be a message), and a message passed
/// to the wrong method, which is MED0030's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NeverAMessageAnalyzer : MediatorAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public NeverAMessageAnalyzer()
        : base(DiagnosticDescriptors.NeverAMessage)
    {
    }

    /// <inheritdoc />
    private protected override void Register(AnalysisContext context)
        => context.RegisterOperationAction(Analyze, OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("Send" or "CreateStream" or "Publish")
            || method.IsGenericMethod
            || method.Parameters.Length == 0
            || method.Parameters[0].Type.SpecialType != SpecialType.System_Object
            || !DispatchMethods.IsMediator(method.ContainingType)
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is not { } argument)
        {
            return;
        }

        // The argument as written, before its conversion (boxing, or a reference conversion) to object.
        var value = argument.Value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : argument.Value;
        if (value.Type is not { } type || !CanNeverBeMessage(type) || IsRejected(type, context.CancellationToken))
        {
            return;
        }

        var contracts = method.Name switch
        {
            "Publish" => "INotification",
            "CreateStream" => "IStreamRequest<TItem>",
            _ => "IRequest<TResponse> or IRequest",
        };
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NeverAMessage, value.Syntax.GetLocation(), DiagnosticText.Name(type), method.Name, contracts));
    }

    /// <summary>
    /// The compiler rejects the type's declaration or one of its base types' (a base type or interface that does not
    /// resolve, a syntax error): what it implements is then not what was meant (a lost <c>using Mediator;</c> leaves a
    /// request with no <c>IRequest</c>), and saying it is no message would only echo the compiler's error.
    /// </summary>
    private static bool IsRejected(ITypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        var supertypes = new List<INamedTypeSymbol>();
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            supertypes.Add(current);
        }

        // Interfaces of interfaces too: a record's base class implements IDomainEvent, whose own INotification may not resolve.
        supertypes.AddRange(type.AllInterfaces);
        foreach (var supertype in supertypes)
        {
            if (BrokenTypes.Contains(supertype) || supertype.Interfaces.Any(BrokenTypes.Contains))
            {
                return true;
            }

            foreach (var reference in supertype.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A type none of whose values is a message: it implements no <c>Mediator.IMessage</c>, and nothing derived from it can
    /// (a struct, enum, array, delegate, pointer, or sealed or static class).
    /// </summary>
    private static bool CanNeverBeMessage(ITypeSymbol type)
    {
        // A nullable struct boxes to its value: Nullable<T> is a message when T is.
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        var closed = type.TypeKind switch
        {
            TypeKind.Struct or TypeKind.Enum or TypeKind.Array or TypeKind.Delegate or TypeKind.Pointer => true,
            TypeKind.Class => type.IsSealed || type.IsStatic,
            _ => false,
        };
        return closed && !type.AllInterfaces.Any(i => KnownTypes.IsMediatorType(i, "IMessage", 0));
    }
}
