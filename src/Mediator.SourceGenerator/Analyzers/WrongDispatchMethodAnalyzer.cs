using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// MED0030: <c>Send</c> with a notification, <c>Publish</c> with a request, <c>CreateStream</c> with a plain request.
/// Such calls bind to the overload that takes <c>object</c> (which would throw at run time), or, where the receiver has
/// none, do not bind (CS1503, CS0311); so besides bound invocations this looks at invalid operations and the overloads
/// the compiler considered, and names the method that does take the message. An argument typed <c>object</c> is what the
/// object overloads are for, and is left alone (its kinds are none).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WrongDispatchMethodAnalyzer : MediatorAnalyzer
{
    private enum MessageKind
    {
        Request,
        Notification,
        StreamRequest,
    }

    /// <summary>Creates the analyzer.</summary>
    public WrongDispatchMethodAnalyzer()
        : base(DiagnosticDescriptors.WrongDispatchMethod)
    {
    }

    /// <inheritdoc />
    private protected override void Register(AnalysisContext context)
    {
        context.RegisterOperationAction(AnalyzeUnboundCall, OperationKind.Invalid);
        context.RegisterOperationAction(AnalyzeBoundCall, OperationKind.Invocation);
    }

    private static void AnalyzeUnboundCall(OperationAnalysisContext context)
    {
        if (context.Operation.Syntax is not InvocationExpressionSyntax invocation
            || context.Operation.SemanticModel is not { } model
            || MessageArgument(invocation) is not { } argument)
        {
            return;
        }

        var candidates = model.GetSymbolInfo(invocation, context.CancellationToken).CandidateSymbols;
        var method = candidates.OfType<IMethodSymbol>().FirstOrDefault(IsDispatchMethod);
        if (method is not null)
        {
            Check(context, method.Name, model.GetTypeInfo(argument.Expression, context.CancellationToken).Type, argument.Expression);
        }
    }

    private static void AnalyzeBoundCall(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!IsDispatchMethod(invocation.TargetMethod)
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is not { } argument)
        {
            return;
        }

        // The argument as written, before its conversion to the parameter's type.
        var value = argument.Value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : argument.Value;
        Check(context, invocation.TargetMethod.Name, value.Type, value.Syntax);
    }

    private static void Check(OperationAnalysisContext context, string methodName, ITypeSymbol? messageType, SyntaxNode argument)
    {
        if (messageType is null || messageType.TypeKind == TypeKind.Error || ExpectedKind(methodName) is not { } expected)
        {
            return;
        }

        var kinds = KindsOf(messageType);
        if (kinds.Contains(expected) || kinds.Count == 0)
        {
            // Right method, or not a message at all: the compiler's own error says enough.
            return;
        }

        var actual = kinds.Min();
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.WrongDispatchMethod,
            argument.GetLocation(),
            DiagnosticText.Name(messageType),
            Article(actual),
            methodName,
            MethodFor(actual)));
    }

    /// <summary>The message: the first positional argument, or the one named after the contracts' parameters.</summary>
    private static ArgumentSyntax? MessageArgument(InvocationExpressionSyntax invocation)
        => invocation.ArgumentList.Arguments.FirstOrDefault(a =>
            a.NameColon is null || a.NameColon.Name.Identifier.ValueText is "request" or "notification");

    private static bool IsDispatchMethod(IMethodSymbol method)
        => ExpectedKind(method.Name) is not null
            && method.ContainingType is { } type
            && DispatchMethods.IsMediator(type);

    private static MessageKind? ExpectedKind(string methodName) => methodName switch
    {
        "Send" => MessageKind.Request,
        "Publish" => MessageKind.Notification,
        "CreateStream" => MessageKind.StreamRequest,
        _ => null,
    };

    private static string MethodFor(MessageKind kind) => kind switch
    {
        MessageKind.Request => "Send",
        MessageKind.Notification => "Publish",
        _ => "CreateStream",
    };

    private static string Article(MessageKind kind) => kind switch
    {
        MessageKind.Request => "a request",
        MessageKind.Notification => "a notification",
        _ => "a stream request",
    };

    private static HashSet<MessageKind> KindsOf(ITypeSymbol type)
    {
        var kinds = new HashSet<MessageKind>();
        foreach (var contract in ContractsOf(type))
        {
            if (KnownTypes.IsRequest(contract) || KnownTypes.IsVoidRequest(contract))
            {
                kinds.Add(MessageKind.Request);
            }
            else if (KnownTypes.IsNotification(contract))
            {
                kinds.Add(MessageKind.Notification);
            }
            else if (KnownTypes.IsStreamRequest(contract))
            {
                kinds.Add(MessageKind.StreamRequest);
            }
        }

        return kinds;
    }

    /// <summary>The type if it is an interface, its interfaces, and for a type parameter those of its constraints.</summary>
    private static IEnumerable<INamedTypeSymbol> ContractsOf(ITypeSymbol type)
    {
        if (type is ITypeParameterSymbol parameter)
        {
            return parameter.ConstraintTypes.SelectMany(ContractsOf);
        }

        var own = type is INamedTypeSymbol { TypeKind: TypeKind.Interface } named ? new[] { named } : Enumerable.Empty<INamedTypeSymbol>();
        return own.Concat(type.AllInterfaces);
    }
}
