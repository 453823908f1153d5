using System.Threading.Tasks;

namespace Mediator.BuiltIns;

/// <summary>
/// What a built-in that acts only before a stream's first item checks (authorization, validation, rate limit): it
/// throws to refuse the stream, and returns to let <see cref="CheckedStreamEnumerator{TRequest, TItem, TNext, TCheck}"/>
/// open the rest of the pipeline.
/// </summary>
/// <typeparam name="TRequest">The stream request.</typeparam>
internal interface IStreamOpeningCheck<in TRequest>
{
    /// <summary>Refuses the stream by throwing; completes when it may open.</summary>
    ValueTask CheckAsync(TRequest request, MessageContext context);
}
