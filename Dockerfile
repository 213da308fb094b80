# The gateway (fhirgw run) as a container; docker-compose.yml runs it beside a HAPI FHIR partner.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/FhirGateway -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY seeds /app/seeds
ENV FHIRGW_DATA=/data \
    FHIRGW_HTTP__URLS=http://0.0.0.0:5080
VOLUME /data
EXPOSE 5080
ENTRYPOINT ["dotnet", "fhirgw.dll"]
CMD ["run"]
