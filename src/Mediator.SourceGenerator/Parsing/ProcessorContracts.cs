using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// The processor contracts of a <c>[Middleware]</c> class (<c>IRequestPreProcessor</c>, <c>IRequestPostProcessor</c>,
/// <c>IRequestExceptionHandler</c>, <c>IRequestExceptionAction</c>, <c>IStreamPreProcessor</c>): their kind, their spec
/// and the shapes the generator cannot compile into a pipeline (MED0050, MED0051).
/// </summary>
internal static class ProcessorContracts
{
    /// <summary>The contract kind of a processor interface, or null for any other interface.</summary>
    public static ContractKind? KindOf(INamedTypeSymbol contract)
        => KnownTypes.IsRequestPreProcessor(contract) ? ContractKind.RequestPreProcessor
            : KnownTypes.IsRequestPostProcessor(contract) ? ContractKind.RequestPostProcessor
            : KnownTypes.IsRequestExceptionHandler(contract) ? ContractKind.RequestExceptionHandler
            : KnownTypes.IsRequestExceptionAction(contract) ? ContractKind.RequestExceptionAction
            : KnownTypes.IsStreamPreProcessor(contract) ? ContractKind.StreamPreProcessor
            : null;

    /// <summary>Whether a contract kind is a processor's.</summary>
    public static bool IsProcessor(ContractKind kind) => ContractKinds.RoleOf(kind) != StepRole.Middleware;

    /// <summary>
    /// The contract as planning matches it: the request, the response (a wildcard for the contracts that name none, so
    /// they fit any answer) and the exception type. Generated code calls the processor through its interface, so
    /// whether the method is public on the class does not matter.
    /// </summary>
    public static MiddlewareContractSpec Create(INamedTypeSymbol symbol, INamedTypeSymbol contract, ContractKind kind)
    {
        var arguments = contract.TypeArguments;
        var request = TypeRefFactory.CreateNameable(arguments[0]);
        return kind switch
        {
            ContractKind.RequestPostProcessor => new(request, TypeRefFactory.CreateNameable(arguments[1]), false, kind),
            ContractKind.RequestExceptionHandler => new(request, TypeRefFactory.CreateNameable(arguments[1]), false, kind, TypeRefFactory.CreateNameable(arguments[2])),
            ContractKind.RequestExceptionAction => new(request, MiddlewareContractSpec.AnyResult, false, kind, TypeRefFactory.CreateNameable(arguments[1])),
            _ => new(request, MiddlewareContractSpec.AnyResult, false, kind),
        };
    }

    /// <summary>
    /// MED0050 when the class would be two different steps (a processor and a middleware, two kinds of processor, or
    /// an exception handler or action for several exception types): one class is one step of a pipeline. MED0051 when
    /// an exception type is a type parameter: which exceptions a step catches is decided at compile time.
    /// </summary>
    public static DiagnosticInfo? WhyInvalid(INamedTypeSymbol symbol, string name, LocationInfo? location, List<MiddlewareContractSpec> contracts)
    {
        var roles = contracts.Select(c => ContractKinds.RoleOf(c.Kind)).Distinct().ToList();
        var exceptionContracts = contracts.Count(c => c.Exception is not null);
        if (roles.Count > 1 || exceptionContracts > 1)
        {
            var what = roles.Count > 1
                ? string.Join(" and ", roles.Select(ContractKinds.Describe).Select(r => "a " + r))
                : "an exception step for " + exceptionContracts + " exception types";
            return DiagnosticInfo.Create(DiagnosticDescriptors.ProcessorWithSeveralRoles, location, name, what);
        }

        var open = contracts.FirstOrDefault(c => c.Exception is { Kind: TypeRefKind.TypeParameter });
        return open is null
            ? null
            : DiagnosticInfo.Create(DiagnosticDescriptors.OpenProcessorException, location, name, open.Exception!.Name);
    }

    /// <summary>How far the class's exception type derives from <c>System.Exception</c>; 0 when it has none.</summary>
    public static int ExceptionDepth(INamedTypeSymbol symbol)
    {
        var exception = symbol.AllInterfaces
            .Where(i => KnownTypes.IsRequestExceptionHandler(i) || KnownTypes.IsRequestExceptionAction(i))
            .Select(i => i.TypeArguments[i.TypeArguments.Length - 1])
            .FirstOrDefault();
        var depth = 0;
        for (var current = exception?.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
