package uk.crossline.search.limits;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** The 429 answer in the OpenAPI description of every endpoint that counts against a limit. */
@Component
class LimitDocumentation implements OperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    CountsAgainst counted = handlerMethod.getMethodAnnotation(CountsAgainst.class);
    if (counted == null) {
      return operation;
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    responses.addApiResponse(
        "429",
        new ApiResponse()
            .description(
                "Too many "
                    + counted.value().words()
                    + ": your own or your agency's allowance is used up. Retry-After says in how"
                    + " many seconds to try again; the problem (RFC 9457) says the same, with"
                    + " allowance, scope (USER or AGENCY) and retryAfter. Nothing was read, run or"
                    + " logged in the access log."));
    return operation.responses(responses);
  }
}
