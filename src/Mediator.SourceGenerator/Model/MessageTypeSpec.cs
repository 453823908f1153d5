namespace Mediator.SourceGenerator.Model;

/// <summary>
/// What planning needs to know about a request or response type to decide which middleware applies:
/// its identity, the kinds a generic constraint can ask for, and every type it converts to.
/// </summary>
/// <param name="Type">The type itself, as written in generated code.</param>
/// <param name="IsValueType">Satisfies a <c>struct</c> constraint.</param>
/// <param name="IsReferenceType">Satisfies a <c>class</c> constraint.</param>
/// <param name="IsSealed">Cannot have subclasses (sealed classes, structs).</param>
/// <param name="HasPublicParameterlessConstructor">Satisfies a <c>new()</c> constraint.</param>
/// <param name="IsPublic">Public, and so are its containers and type arguments: decides the accessibility of its <c>Send</c> overload.</param>
/// <param name="InheritanceDepth">Number of base classes; the generic <c>Send</c> tries deeper types first.</param>
/// <param name="IsAbstract">An interface or abstract class: never the runtime type of a message, so it gets no notification pipeline of its own.</param>
/// <param name="DeclaredStrategy">From <c>[PublishStrategy]</c> on the type itself, for notifications.</param>
/// <param name="DeclaredFailures">From <c>[PublishFailures]</c> on the type itself, for notifications.</param>
/// <param name="IsUnmanaged">Satisfies an <c>unmanaged</c> constraint.</param>
/// <param name="Attributes">Attributes on the type and its base classes (nearest first) that a per-message middleware may take.</param>
/// <param name="Supertypes">The type, its base classes and all its interfaces, without nullable annotations.</param>
/// <param name="Usage">The <c>[Obsolete]</c> and <c>[Experimental]</c> that C# reports where <see cref="Type"/> is written (on it, its containers, its type arguments).</param>
/// <param name="ReachableUsage">Those of the types generated code may name because of it: type arguments of its supertypes, attribute classes on it.</param>
/// <param name="IsRouted">A notification that leaves the process (<c>[assembly: RabbitMqRoute]</c>): it gets a pipeline even with no handler here, and its fan-out is the transport's strategy (see <c>Parsing/RoutedNotificationReader</c>).</param>
internal sealed record MessageTypeSpec(
    TypeRef Type,
    bool IsValueType,
    bool IsReferenceType,
    bool IsSealed,
    bool HasPublicParameterlessConstructor,
    bool IsPublic,
    int InheritanceDepth,
    EquatableArray<TypeRef> Supertypes,
    bool IsAbstract = false,
    PublishStrategyChoice? DeclaredStrategy = null,
    EquatableArray<MessageAttributeSpec> Attributes = default,
    bool IsUnmanaged = false,
    EquatableArray<UsageMark> Usage = default,
    EquatableArray<UsageMark> ReachableUsage = default,
    PublishFailureKind? DeclaredFailures = null,
    bool IsRouted = false);
