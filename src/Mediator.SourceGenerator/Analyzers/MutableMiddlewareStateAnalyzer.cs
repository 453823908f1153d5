using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// MED0032: a singleton middleware is one instance shared by every message in flight, so an instance field or
/// auto-property that can be written after construction, or one that holds a mutable object (<see cref="MutableTypes"/>),
/// is a data race waiting to happen. A scoped or transient middleware is not shared between dispatches and is not checked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MutableMiddlewareStateAnalyzer : MediatorAnalyzer
{
    /// <summary>Diagnostic property: "true" when the reported member is a field (the code fix only makes fields readonly).</summary>
    public const string IsFieldProperty = "IsField";

    /// <summary>
    /// Diagnostic property: "true" when the member holds a mutable object, so that making it readonly would not help
    /// (the code fix is not offered); "false" when it is only writable.
    /// </summary>
    public const string HoldsMutableObjectProperty = "HoldsMutableObject";

    private const string Writable = "can be changed after construction; make it readonly, or keep the state in an injected service or in MessageContext";

    /// <summary>Creates the analyzer.</summary>
    public MutableMiddlewareStateAnalyzer()
        : base(DiagnosticDescriptors.MiddlewareHasMutableState)
    {
    }

    /// <inheritdoc />
    private protected override void Register(AnalysisContext context)
    {
        context.RegisterSymbolStartAction(Start, SymbolKind.NamedType);
    }

    private static void Start(SymbolStartAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!PipelineRoles.IsMiddlewareClass(type) || !IsShared(type))
        {
            return;
        }

        var findings = new List<Finding>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.IsStatic || field.IsConst)
            {
                continue;
            }

            // An auto-property's backing field is implicit and points at its property; an init-only one is readonly.
            var member = field.IsImplicitlyDeclared ? field.AssociatedSymbol as IPropertySymbol : (ISymbol)field;
            if (member?.Locations.FirstOrDefault() is not { IsInSource: true } location)
            {
                continue;
            }

            if (MutableTypes.IsMutable(field.Type, out var what))
            {
                findings.Add(new Finding(member, location, field.IsReadOnly, what, IsRandom(field.Type)));
            }
            else if (!field.IsReadOnly)
            {
                findings.Add(new Finding(member, location, IsReadOnly: false, MutableObject: null, IsRandom: false));
            }
        }

        if (findings.Count == 0)
        {
            return;
        }

        // Random.Shared is thread-safe: a Random member given nothing else holds no state of this middleware's own.
        var randoms = findings.Where(f => f.IsRandom).ToDictionary(f => f.Member, _ => new RandomValues(), SymbolEqualityComparer.Default);
        if (randoms.Count > 0)
        {
            context.RegisterOperationAction(
                operation => RecordRandomValue(operation.Operation, randoms),
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.SimpleAssignment);
        }

        context.RegisterSymbolEndAction(end =>
        {
            foreach (var finding in findings)
            {
                var onlyShared = finding.IsRandom && randoms[finding.Member].OnlyShared;
                if (onlyShared && finding.IsReadOnly)
                {
                    continue;
                }

                var mutableObject = onlyShared ? null : finding.MutableObject;
                end.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MiddlewareHasMutableState,
                    finding.Location,
                    ImmutableDictionary<string, string?>.Empty
                        .Add(IsFieldProperty, finding.Member is IFieldSymbol ? "true" : "false")
                        .Add(HoldsMutableObjectProperty, mutableObject is null ? "false" : "true"),
                    DiagnosticText.Name(type),
                    finding.Member is IFieldSymbol ? "field" : "property",
                    finding.Member.Name,
                    mutableObject is null ? Writable : Holding(mutableObject)));
            }
        });
    }

    private static string Holding(string mutableObject)
        => "holds " + mutableObject + ", a mutable object that concurrent messages would change at once; create it per message "
            + "(a local variable or MessageContext), hold an immutable or thread-safe type instead, or make the middleware scoped or transient";

    /// <summary>
    /// Only a singleton middleware is shared between dispatches: its lifetime as written on the class or given by the
    /// assembly's default. A lifetime given only where <c>[UseMiddleware]</c> places it is not seen here.
    /// </summary>
    private static bool IsShared(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => KnownTypes.IsMiddlewareAttribute(a.AttributeClass));
        return LifetimeReader.ForMiddleware(type, attribute) == Model.ServiceLifetimeKind.Singleton;
    }

    private static bool IsRandom(ITypeSymbol type)
        => type is INamedTypeSymbol named && MutableTypes.MetadataName(named) == "System.Random";

    private static void RecordRandomValue(IOperation operation, Dictionary<ISymbol, RandomValues> randoms)
    {
        var (targets, value) = operation switch
        {
            IFieldInitializerOperation initializer => (initializer.InitializedFields.Cast<ISymbol>(), initializer.Value),
            IPropertyInitializerOperation initializer => (initializer.InitializedProperties.Cast<ISymbol>(), initializer.Value),
            ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation or null } target } assignment
                => (new[] { target.Member }, assignment.Value),
            _ => (Enumerable.Empty<ISymbol>(), null),
        };

        foreach (var target in targets)
        {
            if (randoms.TryGetValue(target.OriginalDefinition, out var values))
            {
                values.Add(IsRandomShared(value));
            }
        }
    }

    private static bool IsRandomShared(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Shared" } property } && IsRandom(property.ContainingType);
    }

    /// <param name="Member">The field, or the auto-property whose backing field it is.</param>
    /// <param name="Location">Its name.</param>
    /// <param name="IsReadOnly">The field is readonly (a get-only or init auto-property's is).</param>
    /// <param name="MutableObject">The mutable type it holds, quoted for the message; null when it is only writable.</param>
    /// <param name="IsRandom">It is a <c>System.Random</c>, which <c>Random.Shared</c> makes safe.</param>
    private sealed record Finding(ISymbol Member, Location Location, bool IsReadOnly, string? MutableObject, bool IsRandom);

    /// <summary>What was assigned to a Random member; operation actions of one type may run concurrently.</summary>
    private sealed class RandomValues
    {
        private readonly object _gate = new();
        private int _assigned;
        private bool _other;

        /// <summary>Given at least one value, and every one was Random.Shared.</summary>
        public bool OnlyShared
        {
            get
            {
                lock (_gate)
                {
                    return _assigned > 0 && !_other;
                }
            }
        }

        public void Add(bool isShared)
        {
            lock (_gate)
            {
                _assigned++;
                _other |= !isShared;
            }
        }
    }
}
