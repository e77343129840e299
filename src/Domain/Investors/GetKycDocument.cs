using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

/// <summary>The ID document of an application, for the reviewing admin.</summary>
public sealed record GetKycDocument(Guid ApplicationId) : IQuery<Result<KycDocumentContent>>;

public sealed record KycDocumentContent(string FileName, string ContentType, Stream Content);

public sealed class GetKycDocumentHandler(IInvestorStore store, IDocumentStore documents) : IQueryHandler<GetKycDocument, Result<KycDocumentContent>>
{
    public async ValueTask<Result<KycDocumentContent>> Handle(GetKycDocument query, CancellationToken cancellationToken)
    {
        var kyc = await store.FindKycByIdAsync(query.ApplicationId, cancellationToken);
        return kyc is null
            ? Error.NotFound("kyc.missing", "No such application.")
            : new KycDocumentContent(kyc.DocumentFileName, kyc.DocumentContentType, await documents.OpenProtectedAsync(kyc.DocumentStorageKey, cancellationToken));
    }
}
